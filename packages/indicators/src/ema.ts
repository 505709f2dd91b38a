/** Exponential moving average (TA-Lib EMA). */
import { startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, outputColumn, type Values } from './input.js';

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
  const n = x.length;
  const out = outputColumn(n);
  const inputs = [x];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) start = startOfRun(inputs, outputs, emaRun(x, out, start, period), period);
  return out;
}

/** EMA of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function emaRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  const first = start + period - 1;
  out.fill(Number.NaN, start, first);
  let sum = 0;
  for (let i = start; i <= first; i++) sum += x[i];
  let value = sum / period;
  out[first] = value;
  const k = 2 / (period + 1);
  let i = first + 1;
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) break;
    value = (v - value) * k + value;
    out[i] = value;
  }
  return i;
}
