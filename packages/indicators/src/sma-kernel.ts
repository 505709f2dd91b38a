/**
 * The SMA kernel, shared by sma() and STOCH's smoothings (kept out of sma.ts, whose exports are the
 * public API).
 */
import { startOfRun } from './finite-runs.js';

/** SMA of `x` written into `out` (same length, a different array); for STOCH's smoothings. */
export function smaInto(x: Float64Array, out: Float64Array, period: number): void {
  const n = x.length;
  const inputs = [x];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) start = startOfRun(inputs, outputs, smaRun(x, out, start, period), period);
}

/**
 * SMA of the finite run starting at `start` (x[start .. start + period) finite): writes out from `start`
 * to the first non-finite bar and returns that bar's index (n at the end). See finite-runs.ts.
 */
export function smaRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  const warm = start + period - 1;
  out.fill(Number.NaN, start, warm);
  let sum = 0;
  let i = start;
  while (i < warm) sum += x[i++];
  let trailing = start;
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) break;
    sum += v;
    const total = sum;
    sum -= x[trailing++];
    out[i] = total / period;
  }
  return i;
}
