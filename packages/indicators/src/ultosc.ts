/** Ultimate oscillator (TA-Lib ULTOSC). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';
import { isNearZero } from './near-zero.js';
import { trueRangeAt } from './true-range.js';

/**
 * Ultimate oscillator: 100 * (4 * A1 + 2 * A2 + A3) / 7, where An is the sum of buying pressure
 * (close - min(low, prevClose)) over the sum of true range across the n-th period.
 *
 * Convention: TA-Lib ULTOSC: the periods are sorted, the shortest gets weight 4, the middle 2, the
 * longest 1; a term whose true-range sum is (near) zero is left out. Running sums, as TA-Lib keeps them.
 * Warm-up: the first value is at index max(period1, period2, period3) of each finite run.
 */
export function ultosc(
  high: Values,
  low: Values,
  close: Values,
  period1 = 7,
  period2 = 14,
  period3 = 28,
): Float64Array {
  checkPeriod('ultosc', 'period1', period1);
  checkPeriod('ultosc', 'period2', period2);
  checkPeriod('ultosc', 'period3', period3);
  const n = checkSameLength('ultosc', high, low, close);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = nanArray(n);
  const [short, middle, long] = [period1, period2, period3].sort((a, b) => a - b);
  forEachFiniteRun([h, l, c], (start, end) => {
    if (end - start <= long) return;
    const first = start + long;
    const s = new PressureSum(h, l, c, short, first);
    const m = new PressureSum(h, l, c, middle, first);
    const g = new PressureSum(h, l, c, long, first);
    for (let i = first; i < end; i++) {
      s.add(i);
      m.add(i);
      g.add(i);
      const weighted = 4 * s.ratio() + 2 * m.ratio() + g.ratio();
      s.drop(i);
      m.drop(i);
      g.drop(i);
      out[i] = 100 * (weighted / 7);
    }
  });
  return out;
}

/** Rolling sums of buying pressure and true range over one period (three per finite run, not per bar). */
class PressureSum {
  private pressure = 0;
  private range = 0;

  constructor(
    private readonly h: Float64Array,
    private readonly l: Float64Array,
    private readonly c: Float64Array,
    private readonly period: number,
    first: number,
  ) {
    for (let i = first - period + 1; i < first; i++) this.add(i);
  }

  add(i: number): void {
    this.pressure += buyingPressure(this.l, this.c, i);
    this.range += trueRangeAt(this.h, this.l, this.c, i);
  }

  /** Removes the bar that leaves the window after bar `i`. */
  drop(i: number): void {
    const old = i - this.period + 1;
    this.pressure -= buyingPressure(this.l, this.c, old);
    this.range -= trueRangeAt(this.h, this.l, this.c, old);
  }

  ratio(): number {
    return isNearZero(this.range) ? 0 : this.pressure / this.range;
  }
}

function buyingPressure(l: Float64Array, c: Float64Array, i: number): number {
  const prevClose = c[i - 1];
  return c[i] - Math.min(l[i], prevClose);
}
