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
  const periods = [period1, period2, period3].sort((a, b) => a - b);
  // Rings of the last `longest` bars' terms: each bar's terms are computed once, and subtracted when they leave.
  const terms = { pressure: new Float64Array(periods[2]), range: new Float64Array(periods[2]) };
  forEachFiniteRun([h, l, c], (start, end) => ultoscRun(h, l, c, start, end, periods, terms, out));
  return out;
}

interface Terms {
  pressure: Float64Array;
  range: Float64Array;
}

function ultoscRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  start: number,
  end: number,
  periods: number[],
  terms: Terms,
  out: Float64Array,
): void {
  const [p1, p2, p3] = periods;
  const { pressure, range } = terms;
  const size = p3;
  if (end - start <= p3) return;
  const first = start + p3;
  for (let i = start + 1; i < first; i++) {
    pressure[i % size] = c[i] - Math.min(l[i], c[i - 1]);
    range[i % size] = trueRangeAt(h, l, c, i);
  }
  // Each sum starts from its own window, as TA-Lib primes them (same additions, same rounding).
  let a1 = ringSum(pressure, first - p1 + 1, first);
  let b1 = ringSum(range, first - p1 + 1, first);
  let a2 = ringSum(pressure, first - p2 + 1, first);
  let b2 = ringSum(range, first - p2 + 1, first);
  let a3 = ringSum(pressure, first - p3 + 1, first);
  let b3 = ringSum(range, first - p3 + 1, first);
  for (let i = first; i < end; i++) {
    const slot = i % size;
    const a = c[i] - Math.min(l[i], c[i - 1]);
    const b = trueRangeAt(h, l, c, i);
    pressure[slot] = a;
    range[slot] = b;
    a1 += a;
    a2 += a;
    a3 += a;
    b1 += b;
    b2 += b;
    b3 += b;
    let weighted = 0;
    if (!isNearZero(b1)) weighted += 4 * (a1 / b1);
    if (!isNearZero(b2)) weighted += 2 * (a2 / b2);
    if (!isNearZero(b3)) weighted += a3 / b3;
    const old1 = (i - p1 + 1) % size;
    const old2 = (i - p2 + 1) % size;
    const old3 = (i - p3 + 1) % size;
    a1 -= pressure[old1];
    b1 -= range[old1];
    a2 -= pressure[old2];
    b2 -= range[old2];
    a3 -= pressure[old3];
    b3 -= range[old3];
    out[i] = 100 * (weighted / 7);
  }
}

/** Sum of the ring's entries for bars [from, to), oldest first. */
function ringSum(ring: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += ring[i % ring.length];
  return sum;
}
