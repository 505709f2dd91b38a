/** Change over a fixed lookback: momentum and rate of change (TA-Lib MOM, ROC). */
import { computeByFiniteRun } from './by-finite-run.js';
import { asFloat64, checkPeriod, type Values } from './input.js';

/**
 * Momentum: x - x[-period].
 *
 * Convention: TA-Lib MOM. Warm-up: the first value is at index `period` of each finite run.
 * `period` must be a positive integer.
 */
export function mom(values: Values, period: number): Float64Array {
  checkPeriod('mom', 'period', period);
  const x = asFloat64(values);
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => {
    for (let i = start + period; i < end; i++) out[i] = x[i] - x[i - period];
    return Math.min(start + period, end);
  });
  return out;
}

/**
 * Rate of change in percent: (x / x[-period] - 1) * 100.
 *
 * Convention: TA-Lib ROC, which writes 0 when x[-period] is 0. Warm-up: the first value is at index
 * `period` of each finite run. `period` must be a positive integer.
 */
export function roc(values: Values, period: number): Float64Array {
  checkPeriod('roc', 'period', period);
  const x = asFloat64(values);
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => {
    for (let i = start + period; i < end; i++) {
      const before = x[i - period];
      out[i] = before !== 0 ? (x[i] / before - 1) * 100 : 0;
    }
    return Math.min(start + period, end);
  });
  return out;
}
