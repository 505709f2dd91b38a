/** Exponential moving average (TA-Lib EMA). */
import { computeByFiniteRun } from './by-finite-run.js';
import { asFloat64, checkPeriod, type Values } from './input.js';

/**
 * Exponential moving average with smoothing k = 2 / (period + 1).
 *
 * Convention: TA-Lib EMA: the first value, at index `period - 1`, is the SMA of the first `period`
 * inputs; after that ema += (x - ema) * k. Warm-up: `period - 1` bars of each finite run are NaN.
 * `period` must be a positive integer.
 */
export function ema(values: Values, period: number): Float64Array {
  checkPeriod('ema', 'period', period);
  const x = asFloat64(values);
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => emaRun(x, out, start, end, period));
  return out;
}

function emaRun(x: Float64Array, out: Float64Array, start: number, end: number, period: number): number {
  const first = start + period - 1;
  if (first >= end) return end;
  let sum = 0;
  for (let i = start; i <= first; i++) sum += x[i];
  let value = sum / period;
  out[first] = value;
  const k = 2 / (period + 1);
  for (let i = first + 1; i < end; i++) {
    value = (x[i] - value) * k + value;
    out[i] = value;
  }
  return first;
}
