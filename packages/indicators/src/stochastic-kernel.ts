/** The parts STOCH and Stochastic RSI share: the raw %K and its two SMA smoothings. */
import { forEachFiniteRun, nanArray } from './input.js';
import { RollingExtreme } from './rolling-extremes.js';
import { sma } from './sma.js';

/**
 * Raw (fast) %K: 100 * (close - lowest low) / (highest high - lowest low) over the last `period` bars,
 * 0 when the range is 0 (TA-Lib STOCH/STOCHF). First value at index `period - 1` of each finite run.
 */
export function rawK(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  const out = nanArray(close.length);
  const highest = new RollingExtreme(high, period, 'max');
  const lowest = new RollingExtreme(low, period, 'min');
  const inputs = high === low && low === close ? [close] : [high, low, close];
  forEachFiniteRun(inputs, (start, end) => {
    highest.reset();
    lowest.reset();
    for (let i = start; i < end; i++) {
      const hi = high[highest.push(i)];
      const lo = low[lowest.push(i)];
      if (i < start + period - 1) continue;
      // TA-Lib's operation order: divide the range by 100 first.
      const range = (hi - lo) / 100;
      out[i] = range !== 0 ? (close[i] - lo) / range : 0;
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
