/** Slow stochastic oscillator (TA-Lib STOCH with SMA smoothing). */
import { asFloat64, checkPeriod, checkSameLength, outputColumns, type Values } from './input.js';
import { slowStochastic } from './stochastic-kernel.js';

/**
 * Slow stochastic: raw %K = 100 * (close - lowest low) / (highest high - lowest low) over `kPeriod`
 * bars (0 when the range is 0), k = SMA(raw %K, kSmooth), d = SMA(k, dSmooth).
 *
 * Convention: TA-Lib STOCH(fastk, slowk SMA, slowd SMA); k and d share their first index.
 * Warm-up: the first value is at index kPeriod + kSmooth + dSmooth - 3 of each finite run (17 for 14, 3, 3).
 */
export function stoch(
  high: Values,
  low: Values,
  close: Values,
  kPeriod = 14,
  kSmooth = 3,
  dSmooth = 3,
): { k: Float64Array; d: Float64Array } {
  checkPeriod('stoch', 'kPeriod', kPeriod);
  checkPeriod('stoch', 'kSmooth', kSmooth);
  checkPeriod('stoch', 'dSmooth', dSmooth);
  const n = checkSameLength('stoch', high, low, close);
  const [k, d] = outputColumns(n, 2);
  slowStochastic(asFloat64(high), asFloat64(low), asFloat64(close), k, d, kPeriod, kSmooth, dSmooth);
  return { k, d };
}
