/** Indicators built from chained EMAs: DEMA, TEMA and TRIX (TA-Lib conventions). */
import { computeByFiniteRun } from './by-finite-run.js';
import { asFloat64, checkPeriod, type Values } from './input.js';
import { SeededEma } from './seeded-ema.js';

/**
 * Double exponential moving average (Mulloy): 2 * EMA(x) - EMA(EMA(x)).
 *
 * Convention: TA-Lib DEMA; each EMA stage is seeded with the SMA of its own first `period` inputs.
 * Warm-up: the first value is at index 2 * (period - 1) of each finite run.
 */
export function dema(values: Values, period: number): Float64Array {
  checkPeriod('dema', 'period', period);
  const x = asFloat64(values);
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => {
    const e1 = new SeededEma(period);
    const e2 = new SeededEma(period);
    for (let i = start; i < end; i++) {
      if (e1.push(x[i]) && e2.push(e1.value)) out[i] = 2 * e1.value - e2.value;
    }
    return Math.min(start + 2 * (period - 1), end);
  });
  return out;
}

/**
 * Triple exponential moving average (Mulloy): 3 * EMA1 - 3 * EMA2 + EMA3, where EMA2 = EMA(EMA1)
 * and EMA3 = EMA(EMA2).
 *
 * Convention: TA-Lib TEMA; each EMA stage is seeded with the SMA of its own first `period` inputs.
 * Warm-up: the first value is at index 3 * (period - 1) of each finite run.
 */
export function tema(values: Values, period: number): Float64Array {
  checkPeriod('tema', 'period', period);
  const x = asFloat64(values);
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => {
    const e1 = new SeededEma(period);
    const e2 = new SeededEma(period);
    const e3 = new SeededEma(period);
    for (let i = start; i < end; i++) {
      if (e1.push(x[i]) && e2.push(e1.value) && e3.push(e2.value)) {
        out[i] = e3.value + (3 * e1.value - 3 * e2.value);
      }
    }
    return Math.min(start + 3 * (period - 1), end);
  });
  return out;
}

/**
 * TRIX: the 1-bar rate of change, in percent, of the triple-smoothed EMA(EMA(EMA(x))).
 *
 * Convention: TA-Lib TRIX; each EMA stage is seeded with the SMA of its own first `period` inputs,
 * and the change is (e3 / previous e3 - 1) * 100, 0 when the previous e3 is 0 (as TA-Lib's ROC).
 * Warm-up: the first value is at index 3 * (period - 1) + 1 of each finite run.
 */
export function trix(values: Values, period: number): Float64Array {
  checkPeriod('trix', 'period', period);
  const x = asFloat64(values);
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => {
    const e1 = new SeededEma(period);
    const e2 = new SeededEma(period);
    const e3 = new SeededEma(period);
    let previous = 0;
    let hasPrevious = false;
    for (let i = start; i < end; i++) {
      if (e1.push(x[i]) && e2.push(e1.value) && e3.push(e2.value)) {
        if (hasPrevious) out[i] = previous !== 0 ? (e3.value / previous - 1) * 100 : 0;
        previous = e3.value;
        hasPrevious = true;
      }
    }
    return Math.min(start + 3 * (period - 1) + 1, end);
  });
  return out;
}
