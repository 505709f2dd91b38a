/** Relative strength index (TA-Lib RSI, Wilder smoothing). */
import { asFloat64, checkPeriod, outputColumn, type Values } from './input.js';
import { rsiInto } from './rsi-kernel.js';

/**
 * Relative strength index: 100 * avgGain / (avgGain + avgLoss) over 1-bar moves.
 *
 * Convention: TA-Lib RSI (Wilder): the first averages are the plain means of the first `period` up and
 * down moves, then avg = (avg * (period - 1) + move) / period. When both averages are (near) zero the
 * value is 0, as in TA-Lib. Values agree with TA-Lib to ~2e-15 relative (the smoothing multiplies by
 * precomputed factors instead of dividing). Warm-up: the first value is at index `period` of each finite run (one
 * value is needed before the first move). `period` must be a positive integer; the contract's default is 14.
 */
export function rsi(values: Values, period = 14): Float64Array {
  checkPeriod('rsi', 'period', period);
  const x = asFloat64(values);
  const out = outputColumn(x.length);
  rsiInto(x, out, period);
  return out;
}
