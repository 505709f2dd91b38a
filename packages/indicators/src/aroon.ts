/** Aroon up/down (TA-Lib AROON). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';
import { HighLowWindows } from './rolling-extremes.js';

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
  const windows = new HighLowWindows(h, l, period + 1);
  const { highAt, lowAt } = windows;
  const factor = 100 / period;
  forEachFiniteRun([h, l], (start, end) => {
    windows.reset();
    for (let from = start, to = start; from < end; from = to) {
      to = windows.next(from, end);
      for (let i = Math.max(from, start + period); i < to; i++) {
        up[i] = factor * (period - (i - highAt[i - from]));
        down[i] = factor * (period - (i - lowAt[i - from]));
      }
    }
  });
  return { down, up };
}
