/** The parts STOCH and Stochastic RSI share: the raw %K and its two SMA smoothings. */
import { forEachFiniteRun, nanArray } from './input.js';
import { HighLowWindows } from './rolling-extremes.js';
import { sma } from './sma.js';

/**
 * Raw (fast) %K: 100 * (close - lowest low) / (highest high - lowest low) over the last `period` bars,
 * 0 when the range is 0 (TA-Lib STOCH/STOCHF). First value at index `period - 1` of each finite run.
 */
export function rawK(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  const out = nanArray(close.length);
  const windows = new HighLowWindows(high, low, period);
  const { highAt, lowAt } = windows;
  const inputs = high === low && low === close ? [close] : [high, low, close];
  forEachFiniteRun(inputs, (start, end) => {
    windows.reset();
    for (let from = start, to = start; from < end; from = to) {
      to = windows.next(from, end);
      for (let i = Math.max(from, start + period - 1); i < to; i++) {
        const lo = low[lowAt[i - from]];
        // TA-Lib's operation order: divide the range by 100 first.
        const range = (high[highAt[i - from]] - lo) / 100;
        out[i] = range !== 0 ? (close[i] - lo) / range : 0;
      }
    }
  });
  return out;
}

/**
 * Slow stochastic from raw %K: k = SMA(raw, kSmooth), d = SMA(k, dSmooth). As in TA-Lib, k starts
 * where d starts (both outputs share one first index), so k is NaN while d is still warming up.
 */
export function smoothK(raw: Float64Array, kSmooth: number, dSmooth: number): { k: Float64Array; d: Float64Array } {
  const k = sma(raw, kSmooth);
  const d = sma(k, dSmooth);
  for (let i = 0; i < k.length; i++) if (Number.isNaN(d[i])) k[i] = Number.NaN;
  return { k, d };
}
