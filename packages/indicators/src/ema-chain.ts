/** Indicators built from chained EMAs: DEMA, TEMA and TRIX (TA-Lib conventions). */
import { startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, outputColumn, type Values } from './input.js';

/**
 * Double exponential moving average (Mulloy): 2 * EMA(x) - EMA(EMA(x)).
 *
 * Convention: TA-Lib DEMA; each EMA stage is seeded with the SMA of its own first `period` inputs.
 * Warm-up: the first value is at index 2 * (period - 1) of each finite run.
 */
export function dema(values: Values, period: number): Float64Array {
  checkPeriod('dema', 'period', period);
  const x = asFloat64(values);
  const n = x.length;
  const out = outputColumn(n);
  const inputs = [x];
  const outputs = [out];
  const span = 2 * (period - 1) + 1;
  let start = startOfRun(inputs, outputs, 0, span);
  while (start < n) start = startOfRun(inputs, outputs, demaRun(x, out, start, period), span);
  return out;
}

/** DEMA of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function demaRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  const first = start + 2 * (period - 1);
  const stages = seedChain(x, start, period, 2);
  let v1 = stages[0];
  let v2 = stages[1];
  out.fill(Number.NaN, start, first);
  out[first] = 2 * v1 - v2;
  const k = 2 / (period + 1);
  let i = first + 1;
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) break;
    v1 = (v - v1) * k + v1;
    v2 = (v1 - v2) * k + v2;
    out[i] = 2 * v1 - v2;
  }
  return i;
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
  const n = x.length;
  const out = outputColumn(n);
  const inputs = [x];
  const outputs = [out];
  const span = 3 * (period - 1) + 1;
  let start = startOfRun(inputs, outputs, 0, span);
  while (start < n) start = startOfRun(inputs, outputs, temaRun(x, out, start, period), span);
  return out;
}

/** TEMA of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function temaRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  const first = start + 3 * (period - 1);
  const stages = seedChain(x, start, period, 3);
  let v1 = stages[0];
  let v2 = stages[1];
  let v3 = stages[2];
  out.fill(Number.NaN, start, first);
  out[first] = v3 + (3 * v1 - 3 * v2);
  const k = 2 / (period + 1);
  let i = first + 1;
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) break;
    v1 = (v - v1) * k + v1;
    v2 = (v1 - v2) * k + v2;
    v3 = (v2 - v3) * k + v3;
    out[i] = v3 + (3 * v1 - 3 * v2);
  }
  return i;
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
  const n = x.length;
  const out = outputColumn(n);
  const inputs = [x];
  const outputs = [out];
  const span = 3 * (period - 1) + 2;
  let start = startOfRun(inputs, outputs, 0, span);
  while (start < n) start = startOfRun(inputs, outputs, trixRun(x, out, start, period), span);
  return out;
}

/** TRIX of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function trixRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  const seeded = start + 3 * (period - 1);
  const stages = seedChain(x, start, period, 3);
  let v1 = stages[0];
  let v2 = stages[1];
  let v3 = stages[2];
  out.fill(Number.NaN, start, seeded + 1);
  const k = 2 / (period + 1);
  let i = seeded + 1;
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) break;
    const previous = v3;
    v1 = (v - v1) * k + v1;
    v2 = (v1 - v2) * k + v2;
    v3 = (v2 - v3) * k + v3;
    out[i] = previous !== 0 ? (v3 / previous - 1) * 100 : 0;
  }
  return i;
}

/**
 * The values of `depth` chained EMA stages at bar start + depth * (period - 1), where the last stage gets
 * its first value, as TA-Lib's nested EMA calls seed them: each stage's first value is the SMA of its own
 * first `period` inputs, and a stage feeds the next from its first value on; after that
 * value += (input - value) * 2 / (period + 1). Runs once per finite run, so its state lives in small
 * typed arrays: the hot loops carry on from these values in locals.
 */
function seedChain(x: Float64Array, start: number, period: number, depth: number): Float64Array {
  const k = 2 / (period + 1);
  const values = new Float64Array(depth);
  const sums = new Float64Array(depth);
  const counts = new Int32Array(depth);
  for (let i = start; i <= start + depth * (period - 1); i++) {
    let input = x[i];
    for (let s = 0; s < depth; s++) {
      if (counts[s] === period) {
        values[s] = (input - values[s]) * k + values[s];
      } else {
        sums[s] += input;
        counts[s]++;
        if (counts[s] < period) break;
        values[s] = sums[s] / period;
      }
      input = values[s];
    }
  }
  return values;
}
