/** Weighted moving average (TA-Lib WMA). */
import { computeByFiniteRun } from './by-finite-run.js';
import { asFloat64, checkPeriod, type Values } from './input.js';

/**
 * Linearly weighted moving average: weights 1..period, newest value heaviest, divided by
 * period * (period + 1) / 2.
 *
 * Convention: TA-Lib WMA, including its running update (the weighted sum loses the plain sum of
 * the window each bar), so numbers match TA-Lib's rounding. Warm-up: the first value is at index
 * `period - 1` of each finite run. `period` must be a positive integer.
 */
export function wma(values: Values, period: number): Float64Array {
  checkPeriod('wma', 'period', period);
  const x = asFloat64(values);
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => wmaRun(x, out, start, end, period));
  return out;
}

function wmaRun(x: Float64Array, out: Float64Array, start: number, end: number, period: number): number {
  const first = start + period - 1;
  if (first >= end) return end;
  if (period === 1) {
    out.set(x.subarray(start, end), start);
    return start;
  }
  const divider = (period * (period + 1)) / 2;
  let weighted = 0;
  let plain = 0;
  for (let i = start; i < first; i++) {
    plain += x[i];
    weighted += x[i] * (i - start + 1);
  }
  let trailing = 0;
  for (let i = first, t = start; i < end; i++, t++) {
    const v = x[i];
    plain += v;
    plain -= trailing;
    weighted += v * period;
    trailing = x[t];
    out[i] = weighted / divider;
    weighted -= plain;
  }
  return first;
}
