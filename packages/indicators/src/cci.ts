/** Commodity channel index (TA-Lib CCI). */
import { finite3, startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, outputColumn, type Values } from './input.js';

/**
 * Commodity channel index: (tp - SMA(tp)) / (0.015 * mean absolute deviation of tp from that SMA), with
 * the typical price tp = (high + low + close) / 3, over the last `period` bars.
 *
 * Convention: TA-Lib CCI, 0 when the deviation or the distance from the mean is 0. The mean deviation
 * needs every value of the window, so each bar costs O(period). Warm-up: the first value is at index
 * `period - 1` of each finite run.
 */
export function cci(high: Values, low: Values, close: Values, period: number): Float64Array {
  checkPeriod('cci', 'period', period);
  const n = checkSameLength('cci', high, low, close);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = outputColumn(n);
  const window = new Float64Array(period);
  const inputs = [h, l, c];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) start = startOfRun(inputs, outputs, cciRun(h, l, c, out, start, period, window), period);
  return out;
}

/** CCI of the finite run starting at `start`, typical prices kept in the `window` ring; returns its end. */
function cciRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  window: Float64Array,
): number {
  const n = c.length;
  const first = start + period - 1;
  out.fill(Number.NaN, start, first);
  let slot = 0;
  let i = start;
  for (; i < n; i++) {
    if (!finite3(h, l, c, i)) break;
    const tp = (h[i] + l[i] + c[i]) / 3;
    window[slot] = tp;
    slot = slot + 1 === period ? 0 : slot + 1;
    if (i >= first) out[i] = cciOfWindow(window, tp, period);
  }
  return i;
}

/**
 * Mean and mean deviation of the window, each summed with four accumulators: the dependency chain of
 * one running sum, not the arithmetic, bounds an O(period) loop. The order differs from TA-Lib's single
 * sum only in the last bits (about 1e-11 relative at worst on the golden data).
 */
function cciOfWindow(window: Float64Array, last: number, period: number): number {
  const quads = period - (period % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j < quads; j += 4) {
    s0 += window[j];
    s1 += window[j + 1];
    s2 += window[j + 2];
    s3 += window[j + 3];
  }
  for (; j < period; j++) s0 += window[j];
  const mean = (s0 + s1 + (s2 + s3)) / period;
  s0 = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;
  for (j = 0; j < quads; j += 4) {
    s0 += Math.abs(window[j] - mean);
    s1 += Math.abs(window[j + 1] - mean);
    s2 += Math.abs(window[j + 2] - mean);
    s3 += Math.abs(window[j + 3] - mean);
  }
  for (; j < period; j++) s0 += Math.abs(window[j] - mean);
  const deviation = s0 + s1 + (s2 + s3);
  const distance = last - mean;
  return distance !== 0 && deviation !== 0 ? distance / (0.015 * (deviation / period)) : 0;
}
