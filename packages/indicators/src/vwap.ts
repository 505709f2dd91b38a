/** Volume-weighted average price, restarting each UTC day (not a TA-Lib function). */
import { asFloat64, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';

const DAY_MS = 86_400_000;

/**
 * Volume-weighted average price: Σ typical price × volume / Σ volume, with the typical price
 * (high + low + close) / 3, cumulated from the first bar of the session up to and including the bar.
 *
 * Sessions: with `timestamp` (bar open times, ms since the epoch, UTC) a session is one UTC day, so the
 * sums restart at the first bar opening at or after 00:00 UTC (CONTRACT.md section 7). Without it the
 * whole series is one session. A bar counts as finite when high, low, close, volume (and its timestamp,
 * if given) are; a non-finite bar is NaN and the sums restart after it. While the session's volume is
 * still 0 the value is NaN (no trade yet, no average). No warm-up otherwise: the first value is at
 * index 0 of each finite run.
 */
export function vwap(high: Values, low: Values, close: Values, volume: Values, timestamp?: Values): Float64Array {
  const n = timestamp
    ? checkSameLength('vwap', high, low, close, volume, timestamp)
    : checkSameLength('vwap', high, low, close, volume);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const v = asFloat64(volume);
  const t = timestamp ? asFloat64(timestamp) : undefined;
  const out = nanArray(n);
  forEachFiniteRun(t ? [h, l, c, v, t] : [h, l, c, v], (start, end) => {
    let priceVolume = 0;
    let totalVolume = 0;
    let day = t ? Math.floor(t[start] / DAY_MS) : 0;
    for (let i = start; i < end; i++) {
      if (t) {
        const barDay = Math.floor(t[i] / DAY_MS);
        if (barDay !== day) {
          day = barDay;
          priceVolume = 0;
          totalVolume = 0;
        }
      }
      priceVolume += ((h[i] + l[i] + c[i]) / 3) * v[i];
      totalVolume += v[i];
      out[i] = totalVolume === 0 ? Number.NaN : priceVolume / totalVolume;
    }
  });
  return out;
}
