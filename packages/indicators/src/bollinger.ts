/** Bollinger bands (TA-Lib BBANDS with an SMA middle band). */
import { startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkPositive, outputColumns, type Values } from './input.js';

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
 * sqrt(Σx²/n - middle²) from running sums, 0 when that variance is not positive. The middle band is
 * TA-Lib's (and sma's) to the bit; Σx²/n is taken as Σx² × (1/n), one ulp from TA-Lib's division at
 * most, which the one-pass variance's cancellation turns into ≤ 4.5e-13 of a band's value on the golden
 * year: the size of TA-Lib's own rounding.
 * Warm-up: the first value is at index `period - 1` of each finite run. `period` must be a positive
 * integer and `deviations` a positive number.
 */
export function bollinger(values: Values, period = 20, deviations = 2): Bollinger {
  checkPeriod('bollinger', 'period', period);
  checkPositive('bollinger', 'deviations', deviations);
  const x = asFloat64(values);
  const n = x.length;
  // One array holds the three bands back to back (upper, middle, lower), and the kernel writes through
  // it alone: a loop pays for every distinct typed array it touches (rolling-extremes.ts), ~7% here.
  const [upper, middle, lower] = outputColumns(n, 3);
  const bands = new Float64Array(upper.buffer);
  const inputs = [x];
  const outputs = [upper, middle, lower];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) {
    start = startOfRun(inputs, outputs, bollingerRun(x, bands, start, period, deviations), period);
  }
  return { upper, middle, lower };
}

/**
 * The bands over the finite run starting at `start`, into `bands` (upper at i, middle at n + i, lower at
 * 2n + i); returns the run's end (see finite-runs.ts).
 */
function bollingerRun(x: Float64Array, bands: Float64Array, start: number, period: number, deviations: number): number {
  const n = x.length;
  const first = start + period - 1;
  bands.fill(Number.NaN, start, first);
  bands.fill(Number.NaN, n + start, n + first);
  bands.fill(Number.NaN, 2 * n + start, 2 * n + first);
  let sum = 0;
  let sumSquares = 0;
  for (let i = start; i < first; i++) {
    const v = x[i];
    sum += v;
    sumSquares += v * v;
  }
  // One division per bar, not two: the divider is the loop's bottleneck beside the square root
  // (measured 6.5 → 5.3 ns/bar). The mean keeps its division so the middle band equals sma exactly.
  const reciprocal = 1 / period;
  let i = first;
  for (let t = start; i < n; i++, t++) {
    const v = x[i];
    if (v - v !== 0) break;
    sum += v;
    sumSquares += v * v;
    const mean = sum / period;
    const variance = sumSquares * reciprocal - mean * mean;
    const old = x[t];
    sum -= old;
    sumSquares -= old * old;
    const width = variance < VARIANCE_EPSILON ? 0 : Math.sqrt(variance) * deviations;
    bands[i] = mean + width;
    bands[n + i] = mean;
    bands[2 * n + i] = mean - width;
  }
  return i;
}
