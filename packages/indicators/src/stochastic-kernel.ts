/** The slow stochastic that STOCH and Stochastic RSI share: raw %K and its two SMA smoothings. */
import { finite3, startOfRun } from './finite-runs.js';
import {
  HIGH_BLOCK,
  HIGH_TAILS,
  highLowScratch,
  LOW_BLOCK,
  LOW_TAILS,
  laterMax,
  laterMin,
  partAt,
  startBlocks,
  tailMaxima,
  tailMinima,
} from './rolling-extremes.js';
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
  rawK(high, low, close, d, kPeriod);
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

/** Raw (fast) %K into `out`; first value at index `period - 1` of each finite run. */
function rawK(high: Float64Array, low: Float64Array, close: Float64Array, out: Float64Array, period: number): void {
  const n = close.length;
  const scratch = highLowScratch(period);
  const inputs = high === low && low === close ? [close] : [high, low, close];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) start = startOfRun(inputs, outputs, rawKRun(high, low, close, out, start, period, scratch), period);
}

/** Raw %K over the finite run starting at `start`; returns its end (see finite-runs.ts and rolling-extremes.ts). */
function rawKRun(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  scratch: Float64Array,
): number {
  const n = close.length;
  const first = start + period - 1;
  const highBlock = partAt(period, HIGH_BLOCK);
  const highTails = partAt(period, HIGH_TAILS);
  const lowBlock = partAt(period, LOW_BLOCK);
  const lowTails = partAt(period, LOW_TAILS);
  startBlocks(scratch, period);
  let headHigh = Number.NEGATIVE_INFINITY;
  let headLow = Number.POSITIVE_INFINITY;
  let k = 0;
  out.fill(Number.NaN, start, first);
  let i = start;
  for (; i < n; i++) {
    if (!finite3(high, low, close, i)) break;
    const h = high[i];
    const l = low[i];
    scratch[highBlock + k] = h;
    scratch[lowBlock + k] = l;
    headHigh = laterMax(scratch, headHigh, h);
    headLow = laterMin(scratch, headLow, l);
    const hi = laterMax(scratch, scratch[highTails + k + 1], headHigh);
    const lo = laterMin(scratch, scratch[lowTails + k + 1], headLow);
    if (++k === period) {
      k = 0;
      headHigh = Number.NEGATIVE_INFINITY;
      headLow = Number.POSITIVE_INFINITY;
      tailMaxima(scratch, highBlock, highTails, period);
      tailMinima(scratch, lowBlock, lowTails, period);
    }
    if (i < first) continue;
    // TA-Lib's operation order: divide the range by 100 first.
    const range = (hi - lo) / 100;
    out[i] = range !== 0 ? (close[i] - lo) / range : 0;
  }
  return i;
}
