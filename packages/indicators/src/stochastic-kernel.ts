/** The slow stochastic that STOCH and Stochastic RSI share: raw %K and its two SMA smoothings. */
import { startOfRun } from './finite-runs.js';
import { rangePosition, STOCHASTIC_K } from './range-position.js';

/**
 * Slow stochastic into `k` and `d`: raw %K = 100 * (close - lowest low) / (highest high - lowest low) over
 * `kPeriod` bars, 0 when the range is 0 (TA-Lib STOCH/STOCHF); k = SMA(raw, kSmooth), d = SMA(k, dSmooth),
 * with sma()'s arithmetic; as in TA-Lib, k is NaN wherever d is (k and d share their first index).
 *
 * No array but the outputs: raw %K goes into `d`, then one pass computes k and d from it. `high`, `low`
 * and `close` may be `k` itself (stochRsi puts its RSI there): they are read only by the first pass.
 *
 * Two passes, not one: in a single loop, the four divisions of a bar (two for raw %K, one per SMA) form
 * one dependent chain longer than the out-of-order window can overlap with the next bars, and the
 * one-loop version was ~7 ns/bar slower than the raw %K loop alone; two separate SMA passes cost ~6.
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
  smoothTwice(d, k, kSmooth, dSmooth);
}

/**
 * k = SMA(raw, kSmooth) and d = SMA(k, dSmooth), where `d` holds raw %K on entry; k is NaN wherever d is.
 * A run of finite raw values gives both from its (kSmooth + dSmooth - 1)th bar on, as sma() twice does.
 */
function smoothTwice(d: Float64Array, k: Float64Array, kSmooth: number, dSmooth: number): void {
  const n = d.length;
  const rawRing = ringSize(kSmooth);
  const rings = new Float64Array(rawRing + ringSize(dSmooth));
  const span = kSmooth + dSmooth - 1;
  const inputs = [d];
  const outputs = [k, d];
  let start = startOfRun(inputs, outputs, 0, span);
  while (start < n) start = startOfRun(inputs, outputs, smoothTwiceRun(d, k, start, kSmooth, dSmooth, rings), span);
}

/** The smallest power of two that holds `period` values: a ring that size is indexed with a mask. */
function ringSize(period: number): number {
  let size = 1;
  while (size < period) size *= 2;
  return size;
}

/**
 * smoothTwice over the run of finite raw values starting at `start`; returns its end (finite-runs.ts).
 *
 * Each SMA repeats smaRun's arithmetic exactly: a sum that starts at 0, gets each value added, gives the
 * total, then loses the oldest value, kept in a ring in `rings` (raw %K's is overwritten by d in `d`).
 * The rings start as zeros, so during a warm-up the value lost is 0 (x - 0 is x, -0 included) and the
 * sums are smaRun's warm-up sums.
 */
function smoothTwiceRun(
  d: Float64Array,
  k: Float64Array,
  start: number,
  kSmooth: number,
  dSmooth: number,
  rings: Float64Array,
): number {
  const n = d.length;
  const rawMask = ringSize(kSmooth) - 1;
  const kRing = rawMask + 1;
  const kMask = ringSize(dSmooth) - 1;
  const kFirst = start + kSmooth - 1;
  rings.fill(0);
  let rawSum = 0;
  let kSum = 0;
  let i = start;
  for (; i < n; i++) {
    const raw = d[i];
    if (raw - raw !== 0) break;
    rings[i & rawMask] = raw;
    rawSum += raw;
    const rawTotal = rawSum;
    rawSum -= rings[(i - kSmooth + 1) & rawMask];
    if (i < kFirst) continue;
    const kValue = rawTotal / kSmooth;
    k[i] = kValue;
    rings[kRing + (i & kMask)] = kValue;
    kSum += kValue;
    const kTotal = kSum;
    kSum -= rings[kRing + ((i - dSmooth + 1) & kMask)];
    d[i] = kTotal / dSmooth;
  }
  // k's and d's warm-up (d still holds raw %K before kFirst).
  const warm = Math.min(kFirst + dSmooth - 1, i);
  k.fill(Number.NaN, start, warm);
  d.fill(Number.NaN, start, warm);
  return i;
}
