/** Simple moving average (TA-Lib SMA). */
import { computeByFiniteRun } from './by-finite-run.js';
import { asFloat64, checkPeriod, type Values } from './input.js';

/**
 * Simple moving average: the mean of the last `period` values.
 *
 * Convention: TA-Lib SMA, a running sum (add the new value, divide, drop the oldest), so numbers
 * match TA-Lib bit for bit. Warm-up: the first value is at index `period - 1` of each finite run
 * (NaN before). `period` must be a positive integer.
 */
export function sma(values: Values, period: number): Float64Array {
  checkPeriod('sma', 'period', period);
  const x = asFloat64(values);
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => smaRun(x, out, start, end, period));
  return out;
}

/** SMA of x[start..end) into out[start + period - 1 .. end); returns the first index written. */
function smaRun(x: Float64Array, out: Float64Array, start: number, end: number, period: number): number {
  if (end - start < period) return end;
  let sum = 0;
  let i = start;
  const warm = start + period - 1;
  while (i < warm) sum += x[i++];
  let trailing = start;
  for (; i < end; i++) {
    sum += x[i];
    const total = sum;
    sum -= x[trailing++];
    out[i] = total / period;
  }
  return warm;
}
