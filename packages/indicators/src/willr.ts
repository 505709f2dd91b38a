/** Williams' %R (TA-Lib WILLR). */
import { asFloat64, checkPeriod, checkSameLength, outputColumn, type Values } from './input.js';
import { rangePosition, WILLIAMS_R } from './range-position.js';

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
  const out = outputColumn(n);
  rangePosition(h, l, c, out, period, WILLIAMS_R);
  return out;
}
