/** Weighted moving average (TA-Lib WMA). */
import { startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, outputColumn, type Values } from './input.js';

/**
 * Linearly weighted moving average: weights 1..period, newest value heaviest, divided by
 * period * (period + 1) / 2.
 *
 * Convention: TA-Lib WMA, including its running update (the weighted sum loses the plain sum of
 * the window each bar), so numbers match TA-Lib's rounding. Warm-up: the first value is at index
 * `period - 1` of each finite run. `period` must be a positive integer.
 */
export function wma(values: Values, period: number): Float64Array {
  checkPeriod('wma', 'period', period);
  const x = asFloat64(values);
  const n = x.length;
  const out = outputColumn(n);
  const inputs = [x];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) start = startOfRun(inputs, outputs, wmaRun(x, out, start, period), period);
  return out;
}

/** WMA of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function wmaRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  // TA-Lib copies the input for period 1 (the running update below would leave rounding residue).
  if (period === 1) return copyRun(x, out, start);
  const first = start + period - 1;
  const divider = (period * (period + 1)) / 2;
  out.fill(Number.NaN, start, first);
  let weighted = 0;
  let plain = 0;
  for (let i = start; i < first; i++) {
    plain += x[i];
    weighted += x[i] * (i - start + 1);
  }
  let trailing = 0;
  let i = first;
  for (let t = start; i < n; i++, t++) {
    const v = x[i];
    if (v - v !== 0) break;
    plain += v;
    plain -= trailing;
    weighted += v * period;
    trailing = x[t];
    out[i] = weighted / divider;
    weighted -= plain;
  }
  return i;
}

function copyRun(x: Float64Array, out: Float64Array, start: number): number {
  const n = x.length;
  let i = start;
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) break;
    out[i] = v;
  }
  return i;
}
