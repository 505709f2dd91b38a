/** Aroon up/down (TA-Lib AROON). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';
import { RollingExtremes } from './rolling-extremes.js';

/**
 * Aroon: up = 100 * (period - bars since the highest high) / period, down the same for the lowest low,
 * looking at the last `period + 1` bars; both in [0, 100].
 *
 * Convention: TA-Lib AROON: on ties the most recent extreme counts. Warm-up: the first value is at
 * index `period` of each finite run.
 */
export function aroon(high: Values, low: Values, period = 14): { down: Float64Array; up: Float64Array } {
  checkPeriod('aroon', 'period', period);
  const n = checkSameLength('aroon', high, low);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const down = nanArray(n);
  const up = nanArray(n);
  const extremes = new RollingExtremes(period + 1);
  const highest = new Int32Array(n);
  const lowest = new Int32Array(n);
  const factor = 100 / period;
  forEachFiniteRun([h, l], (start, end) => {
    extremes.scan(h, 'max', start, end, highest);
    extremes.scan(l, 'min', start, end, lowest);
    for (let i = start + period; i < end; i++) {
      up[i] = factor * (period - (i - highest[i]));
      down[i] = factor * (period - (i - lowest[i]));
    }
  });
  return { down, up };
}
