/** Money flow index (TA-Lib MFI). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';

/**
 * Money flow index: 100 * positive flow / (positive + negative flow) over the last `period` bars, where a
 * bar's flow is typical price (high + low + close) / 3 times volume, positive when the typical price rose
 * from the bar before, negative when it fell, and neither when unchanged.
 *
 * Convention: TA-Lib MFI, including its rule that the value is 0 when the total flow is below 1 (in price
 * × volume units). Warm-up: the first value is at index `period` of each finite run.
 */
export function mfi(high: Values, low: Values, close: Values, volume: Values, period = 14): Float64Array {
  checkPeriod('mfi', 'period', period);
  const n = checkSameLength('mfi', high, low, close, volume);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const v = asFloat64(volume);
  const out = nanArray(n);
  const positive = new Float64Array(period);
  const negative = new Float64Array(period);
  forEachFiniteRun([h, l, c, v], (start, end) => {
    if (end - start <= period) return;
    let posSum = 0;
    let negSum = 0;
    let prevTp = (h[start] + l[start] + c[start]) / 3;
    let slot = 0;
    for (let i = start + 1; i < end; i++) {
      if (i > start + period) {
        posSum -= positive[slot];
        negSum -= negative[slot];
      }
      const tp = (h[i] + l[i] + c[i]) / 3;
      const flow = tp * v[i];
      positive[slot] = tp > prevTp ? flow : 0;
      negative[slot] = tp < prevTp ? flow : 0;
      posSum += positive[slot];
      negSum += negative[slot];
      prevTp = tp;
      slot = slot + 1 === period ? 0 : slot + 1;
      if (i < start + period) continue;
      const total = posSum + negSum;
      out[i] = total < 1 ? 0 : 100 * (posSum / total);
    }
  });
  return out;
}
