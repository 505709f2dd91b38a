/** Standard deviation over a moving window (TA-Lib STDDEV). */
import { startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, outputColumn, type Values } from './input.js';

/** TA-Lib's TA_IS_ZERO_OR_NEG threshold (TA_EPSILON of the TA-Lib 0.6 source behind the golden values). */
const VARIANCE_EPSILON = 1e-14;

/**
 * Population standard deviation (divides by n) of the last `period` values.
 *
 * Convention: TA-Lib STDDEV with nbdev 1: running sums, sqrt(Σx²/n - (Σx/n)²), and 0 when that
 * variance is not positive (below 1e-14). A two-pass or Welford computation would differ from
 * TA-Lib by up to ~4e-8 relative on prices. Warm-up: the first value is at index `period - 1` of
 * each finite run. `period` must be a positive integer.
 */
export function stddev(values: Values, period: number): Float64Array {
  checkPeriod('stddev', 'period', period);
  const x = asFloat64(values);
  const n = x.length;
  const out = outputColumn(n);
  const inputs = [x];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) start = startOfRun(inputs, outputs, stddevRun(x, out, start, period), period);
  return out;
}

/**
 * STDDEV of the finite run starting at `start`; returns its end (see finite-runs.ts). bollinger.ts has
 * the same running sums: one kernel with a constant `kind` switch for both was measured ~10% slower for
 * each (A/B, CPU time, 1M bars), and bollinger is at its 10 ns/bar target, so the loops stay apart.
 */
function stddevRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  const first = start + period - 1;
  out.fill(Number.NaN, start, first);
  let sum = 0;
  let sumSquares = 0;
  for (let i = start; i < first; i++) {
    const v = x[i];
    sum += v;
    sumSquares += v * v;
  }
  let i = first;
  for (let t = start; i < n; i++, t++) {
    const v = x[i];
    if (v - v !== 0) break;
    sum += v;
    sumSquares += v * v;
    const mean = sum / period;
    const variance = sumSquares / period - mean * mean;
    const old = x[t];
    sum -= old;
    sumSquares -= old * old;
    out[i] = variance < VARIANCE_EPSILON ? 0 : Math.sqrt(variance);
  }
  return i;
}
