/** The slow stochastic that STOCH and Stochastic RSI share: raw %K and its two SMA smoothings. */
import { startOfRun } from './finite-runs.js';
import { rangePosition, STOCHASTIC_K } from './range-position.js';
import { smaInto, smaRun } from './sma-kernel.js';

/**
 * Slow stochastic into `k` and `d`: raw %K = 100 * (close - lowest low) / (highest high - lowest low) over
 * `kPeriod` bars, 0 when the range is 0 (TA-Lib STOCH/STOCHF); k = SMA(raw, kSmooth), d = SMA(k, dSmooth),
 * computed by sma()'s own kernel; as in TA-Lib, k is NaN wherever d is (k and d share their first index).
 *
 * No array but the outputs: raw %K goes into `d` until k has been computed from it. `high`, `low` and
 * `close` may be `k` itself (stochRsi puts its RSI there): they are read only by the first pass.
 */
export function slowStochastic(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  k: Float64Array,
  d: Float64Array,
  kPeriod: number,
  kSmooth: number,
  dSmooth: number,
): void {
  rangePosition(high, low, close, d, kPeriod, STOCHASTIC_K);
  smaInto(d, k, kSmooth);
  smoothD(k, d, dSmooth);
}

/**
 * d = SMA(k) into `d`, by sma()'s kernel, and k set to NaN wherever d is NaN (gaps, runs too short for a
 * d, and d's warm-up) in the same pass.
 */
function smoothD(k: Float64Array, d: Float64Array, period: number): void {
  const n = k.length;
  const inputs = [k];
  const outputs = [d, k];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) {
    const end = smaRun(k, d, start, period);
    // smaRun has read k's warm-up bars: they can go now.
    k.fill(Number.NaN, start, start + period - 1);
    start = startOfRun(inputs, outputs, end, period);
  }
}
