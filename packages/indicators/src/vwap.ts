/** Volume-weighted average price, restarting each UTC day (not a TA-Lib function). */
import { finite4, startOfRun } from './finite-runs.js';
import { asFloat64, checkSameLength, outputColumn, type Values } from './input.js';

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
  const out = outputColumn(n);
  const outputs = [out];
  if (timestamp) {
    const t = asFloat64(timestamp);
    const inputs = [h, l, c, v, t];
    let start = startOfRun(inputs, outputs, 0, 1);
    while (start < n) start = startOfRun(inputs, outputs, dailyVwapRun(h, l, c, v, t, out, start), 1);
  } else {
    const inputs = [h, l, c, v];
    let start = startOfRun(inputs, outputs, 0, 1);
    while (start < n) start = startOfRun(inputs, outputs, vwapRun(h, l, c, v, out, start), 1);
  }
  return out;
}

/** VWAP of the finite run starting at `start`, one session; returns its end (see finite-runs.ts). */
function vwapRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  v: Float64Array,
  out: Float64Array,
  start: number,
): number {
  const n = c.length;
  let priceVolume = 0;
  let totalVolume = 0;
  let i = start;
  for (; i < n; i++) {
    if (!finite4(h, l, c, v, i)) break;
    priceVolume += ((h[i] + l[i] + c[i]) / 3) * v[i];
    totalVolume += v[i];
    out[i] = totalVolume === 0 ? Number.NaN : priceVolume / totalVolume;
  }
  return i;
}

/** VWAP of the finite run starting at `start`, sums restarting at each UTC day; returns its end. */
function dailyVwapRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  v: Float64Array,
  t: Float64Array,
  out: Float64Array,
  start: number,
): number {
  const n = c.length;
  let priceVolume = 0;
  let totalVolume = 0;
  let day = Math.floor(t[start] / DAY_MS);
  let i = start;
  for (; i < n; i++) {
    const time = t[i];
    if (!finite4(h, l, c, v, i) || time - time !== 0) break;
    const barDay = Math.floor(time / DAY_MS);
    if (barDay !== day) {
      day = barDay;
      priceVolume = 0;
      totalVolume = 0;
    }
    priceVolume += ((h[i] + l[i] + c[i]) / 3) * v[i];
    totalVolume += v[i];
    out[i] = totalVolume === 0 ? Number.NaN : priceVolume / totalVolume;
  }
  return i;
}
