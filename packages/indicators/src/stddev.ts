/** Standard deviation over a moving window (TA-Lib STDDEV). */
import { computeByFiniteRun } from './by-finite-run.js';
import { asFloat64, checkPeriod, type Values } from './input.js';

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
  const out = new Float64Array(x.length);
  computeByFiniteRun([x], [out], (start, end) => stddevRun(x, out, start, end, period));
  return out;
}

function stddevRun(x: Float64Array, out: Float64Array, start: number, end: number, period: number): number {
  const first = start + period - 1;
  if (first >= end) return end;
  let sum = 0;
  let sumSquares = 0;
  for (let i = start; i < first; i++) {
    const v = x[i];
    sum += v;
    sumSquares += v * v;
  }
  for (let i = first, t = start; i < end; i++, t++) {
    const v = x[i];
    sum += v;
    sumSquares += v * v;
    const mean = sum / period;
    const variance = sumSquares / period - mean * mean;
    const old = x[t];
    sum -= old;
    sumSquares -= old * old;
    out[i] = variance < VARIANCE_EPSILON ? 0 : Math.sqrt(variance);
  }
  return first;
}
