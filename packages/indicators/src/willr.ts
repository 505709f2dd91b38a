/** Williams' %R (TA-Lib WILLR). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';
import { RollingExtremes } from './rolling-extremes.js';

/**
 * Williams' %R: -100 * (highest high - close) / (highest high - lowest low) over the last `period`
 * bars, in [-100, 0].
 *
 * Convention: TA-Lib WILLR, 0 when the range is 0. Warm-up: the first value is at index `period - 1`
 * of each finite run.
 */
export function willr(high: Values, low: Values, close: Values, period: number): Float64Array {
  checkPeriod('willr', 'period', period);
  const n = checkSameLength('willr', high, low, close);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = nanArray(n);
  const extremes = new RollingExtremes(period);
  const highest = new Int32Array(n);
  const lowest = new Int32Array(n);
  forEachFiniteRun([h, l, c], (start, end) => {
    extremes.scan(h, 'max', start, end, highest);
    extremes.scan(l, 'min', start, end, lowest);
    for (let i = start + period - 1; i < end; i++) {
      const hi = h[highest[i]];
      // TA-Lib's operation order: divide the range by -100 first.
      const range = (hi - l[lowest[i]]) / -100;
      out[i] = range !== 0 ? (hi - c[i]) / range : 0;
    }
  });
  return out;
}
