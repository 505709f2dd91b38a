/** Stochastic RSI in its charting form ("Stoch RSI 14 14 3 3"). */
import { asFloat64, checkPeriod, outputColumns, type Values } from './input.js';
import { rsiInto } from './rsi-kernel.js';
import { slowStochastic } from './stochastic-kernel.js';

/**
 * Stochastic RSI: the slow stochastic of RSI(rsiPeriod), with the RSI as high, low and close:
 * raw = 100 * (rsi - min rsi) / (max rsi - min rsi) over `stochPeriod` bars (0 when the range is 0),
 * k = SMA(raw, kSmooth), d = SMA(k, dSmooth).
 *
 * Convention: TA-Lib STOCH applied to TA-Lib RSI (golden key stochrsi_14_14_3_3); k equals TA-Lib
 * STOCHRSI's fastd. k and d share their first index. Warm-up: the first value is at index
 * rsiPeriod + stochPeriod + kSmooth + dSmooth - 3 of each finite run (31 for 14, 14, 3, 3).
 */
export function stochRsi(
  values: Values,
  rsiPeriod = 14,
  stochPeriod = 14,
  kSmooth = 3,
  dSmooth = 3,
): { k: Float64Array; d: Float64Array } {
  checkPeriod('stochRsi', 'rsiPeriod', rsiPeriod);
  checkPeriod('stochRsi', 'stochPeriod', stochPeriod);
  checkPeriod('stochRsi', 'kSmooth', kSmooth);
  checkPeriod('stochRsi', 'dSmooth', dSmooth);
  const x = asFloat64(values);
  // The RSI goes into k, which the stochastic overwrites once it has read it: no array but the two outputs.
  const [k, d] = outputColumns(x.length, 2);
  rsiInto(x, k, rsiPeriod);
  slowStochastic(k, k, k, k, d, stochPeriod, kSmooth, dSmooth);
  return { k, d };
}
