/** Williams' %R (TA-Lib WILLR). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';
import { HighLowWindows } from './rolling-extremes.js';

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
  const windows = new HighLowWindows(h, l, period);
  const { highAt, lowAt } = windows;
  forEachFiniteRun([h, l, c], (start, end) => {
    windows.reset();
    for (let from = start, to = start; from < end; from = to) {
      to = windows.next(from, end);
      for (let i = Math.max(from, start + period - 1); i < to; i++) {
        const hi = h[highAt[i - from]];
        // TA-Lib's operation order: divide the range by -100 first.
        const range = (hi - l[lowAt[i - from]]) / -100;
        out[i] = range !== 0 ? (hi - c[i]) / range : 0;
      }
    }
  });
  return out;
}
