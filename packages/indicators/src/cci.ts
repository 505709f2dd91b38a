/** Commodity channel index (TA-Lib CCI). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';

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
  const out = nanArray(n);
  const window = new Float64Array(period);
  forEachFiniteRun([h, l, c], (start, end) => {
    if (end - start < period) return;
    let slot = 0;
    for (let i = start; i < end; i++) {
      const tp = (h[i] + l[i] + c[i]) / 3;
      window[slot] = tp;
      slot = slot + 1 === period ? 0 : slot + 1;
      if (i >= start + period - 1) out[i] = cciOfWindow(window, tp, period);
    }
  });
  return out;
}

/** Sums in ring-slot order, as TA-Lib does, so the result matches it bit for bit. */
function cciOfWindow(window: Float64Array, last: number, period: number): number {
  let mean = 0;
  for (let j = 0; j < period; j++) mean += window[j];
  mean /= period;
  let deviation = 0;
  for (let j = 0; j < period; j++) deviation += Math.abs(window[j] - mean);
  const distance = last - mean;
  return distance !== 0 && deviation !== 0 ? distance / (0.015 * (deviation / period)) : 0;
}
