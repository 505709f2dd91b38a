/** Williams' %R (TA-Lib WILLR). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';
import { RollingExtreme } from './rolling-extremes.js';

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
  const highest = new RollingExtreme(h, period, 'max');
  const lowest = new RollingExtreme(l, period, 'min');
  forEachFiniteRun([h, l, c], (start, end) => {
    highest.reset();
    lowest.reset();
    for (let i = start; i < end; i++) {
      const hi = h[highest.push(i)];
      const lo = l[lowest.push(i)];
      if (i < start + period - 1) continue;
      // TA-Lib's operation order: divide the range by -100 first.
      const range = (hi - lo) / -100;
      out[i] = range !== 0 ? (hi - c[i]) / range : 0;
    }
  });
  return out;
}
