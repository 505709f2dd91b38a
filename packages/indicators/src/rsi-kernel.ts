/**
 * The RSI kernel, shared by rsi() and stochRsi() (kept out of rsi.ts, whose exports are the public API).
 */
import { startOfRun } from './finite-runs.js';
import { isNearZero } from './near-zero.js';

/** RSI of `x` written into `out` (same length); for stochRsi, which reuses an output array for it. */
export function rsiInto(x: Float64Array, out: Float64Array, period: number): void {
  const n = x.length;
  const inputs = [x];
  const outputs = [out];
  // The first value needs period + 1 inputs (period moves).
  let start = startOfRun(inputs, outputs, 0, period + 1);
  while (start < n) start = startOfRun(inputs, outputs, rsiRun(x, out, start, period), period + 1);
}

/** RSI of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function rsiRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  let gain = 0;
  let loss = 0;
  let prev = x[start];
  let i = start + 1;
  for (; i <= start + period; i++) {
    const move = x[i] - prev;
    prev = x[i];
    if (move < 0) loss -= move;
    else gain += move;
  }
  out.fill(Number.NaN, start, start + period);
  gain /= period;
  loss /= period;
  out[start + period] = ratio(gain, loss);
  // TA-Lib divides by the period at every step; multiplying by precomputed factors instead takes
  // the division off the loop-carried chain (about 40% faster) and stays within ~2e-15 relative of
  // TA-Lib, since Wilder smoothing shrinks old rounding by (period - 1) / period each bar.
  const keep = (period - 1) / period;
  const half = 0.5 / period;
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) break;
    const move = v - prev;
    prev = v;
    // Branch-free split of the move: up and down moves alternate unpredictably, so a branch would
    // mispredict often. (size + move) is 2 * the up move or 0, (size - move) the same for down.
    const size = Math.abs(move);
    gain = gain * keep + (size + move) * half;
    loss = loss * keep + (size - move) * half;
    out[i] = ratio(gain, loss);
  }
  return i;
}

function ratio(gain: number, loss: number): number {
  const total = gain + loss;
  return isNearZero(total) ? 0 : 100 * (gain / total);
}
