/** Bollinger bands (TA-Lib BBANDS with an SMA middle band). */
import { computeByFiniteRun } from './by-finite-run.js';
import { asFloat64, checkPeriod, checkPositive, type Values } from './input.js';

/** TA-Lib's TA_IS_ZERO_OR_NEG threshold, as in stddev.ts: a variance below it gives a zero width. */
const VARIANCE_EPSILON = 1e-14;

/** The three Bollinger bands, aligned to the input. */
export interface Bollinger {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

/**
 * Bollinger bands: middle = SMA(period), upper/lower = middle ± deviations * population stddev.
 *
 * Convention: TA-Lib BBANDS (matype SMA, nbdevup = nbdevdn): the deviation is
 * sqrt(Σx²/n - middle²) from running sums, 0 when that variance is not positive.
 * Warm-up: the first value is at index `period - 1` of each finite run. `period` must be a positive
 * integer and `deviations` a positive number.
 */
export function bollinger(values: Values, period = 20, deviations = 2): Bollinger {
  checkPeriod('bollinger', 'period', period);
  checkPositive('bollinger', 'deviations', deviations);
  const x = asFloat64(values);
  const n = x.length;
  const bands = { upper: new Float64Array(n), middle: new Float64Array(n), lower: new Float64Array(n) };
  const outputs = [bands.upper, bands.middle, bands.lower];
  computeByFiniteRun([x], outputs, (start, end) => bollingerRun(x, bands, start, end, period, deviations));
  return bands;
}

function bollingerRun(
  x: Float64Array,
  bands: Bollinger,
  start: number,
  end: number,
  period: number,
  deviations: number,
): number {
  const first = start + period - 1;
  if (first >= end) return end;
  const { upper, middle, lower } = bands;
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
    const width = variance < VARIANCE_EPSILON ? 0 : Math.sqrt(variance) * deviations;
    middle[i] = mean;
    upper[i] = mean + width;
    lower[i] = mean - width;
  }
  return first;
}
