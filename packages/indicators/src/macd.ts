/** Moving average convergence/divergence (TA-Lib MACD). */
import { startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, outputColumns, type Values } from './input.js';

/** The three MACD lines, aligned to the input. */
export interface Macd {
  /** EMA(fast) - EMA(slow). */
  macd: Float64Array;
  /** EMA(signal) of the macd line. */
  signal: Float64Array;
  /** macd - signal. */
  histogram: Float64Array;
}

/**
 * MACD: macd = EMA(fast) - EMA(slow), signal = EMA(signal) of macd, histogram = macd - signal.
 *
 * Convention: TA-Lib MACD. Both EMAs start at the slow EMA's first index: the fast EMA is seeded with
 * the SMA of the `fast` inputs ending there (close[14..25] for 12/26), not of the first `fast`
 * inputs. The signal EMA is seeded with the SMA of the first `signal` macd values. As in TA-Lib, a
 * fast period longer than the slow one is swapped. Warm-up: all three lines start at index
 * slow + signal - 2 of each finite run (33 for 12/26/9). Periods must be positive integers.
 */
export function macd(values: Values, fast = 12, slow = 26, signal = 9): Macd {
  checkPeriod('macd', 'fast', fast);
  checkPeriod('macd', 'slow', slow);
  checkPeriod('macd', 'signal', signal);
  const shorter = Math.min(fast, slow);
  const longer = Math.max(fast, slow);
  const x = asFloat64(values);
  const n = x.length;
  const [line, signalLine, histogram] = outputColumns(n, 3);
  const inputs = [x];
  const outputs = [line, signalLine, histogram];
  const span = longer + signal - 1;
  let start = startOfRun(inputs, outputs, 0, span);
  while (start < n) {
    const end = macdRun(x, line, signalLine, histogram, start, shorter, longer, signal);
    start = startOfRun(inputs, outputs, end, span);
  }
  return { macd: line, signal: signalLine, histogram };
}

/** The three lines over the finite run starting at `start`; returns its end (see finite-runs.ts). */
function macdRun(
  x: Float64Array,
  line: Float64Array,
  signalLine: Float64Array,
  histogram: Float64Array,
  start: number,
  fast: number,
  slow: number,
  signal: number,
): number {
  const n = x.length;
  const slowFirst = start + slow - 1;
  const first = slowFirst + signal - 1;
  const kSlow = 2 / (slow + 1);
  const kFast = 2 / (fast + 1);
  const kSignal = 2 / (signal + 1);
  // Seeds (TA-Lib): the slow EMA's first value is the SMA of the first `slow` inputs, the fast EMA's the
  // SMA of the `fast` inputs ending there, the signal's the SMA of the first `signal` macd values.
  let slowSum = 0;
  for (let i = start; i <= slowFirst; i++) slowSum += x[i];
  let slowValue = slowSum / slow;
  let fastSum = 0;
  for (let i = slowFirst - fast + 1; i <= slowFirst; i++) fastSum += x[i];
  let fastValue = fastSum / fast;
  let signalSum = 0;
  signalSum += fastValue - slowValue;
  for (let i = slowFirst + 1; i <= first; i++) {
    slowValue = (x[i] - slowValue) * kSlow + slowValue;
    fastValue = (x[i] - fastValue) * kFast + fastValue;
    signalSum += fastValue - slowValue;
  }
  let signalValue = signalSum / signal;
  line.fill(Number.NaN, start, first);
  signalLine.fill(Number.NaN, start, first);
  histogram.fill(Number.NaN, start, first);
  const firstMacd = fastValue - slowValue;
  line[first] = firstMacd;
  signalLine[first] = signalValue;
  histogram[first] = firstMacd - signalValue;
  let i = first + 1;
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) break;
    slowValue = (v - slowValue) * kSlow + slowValue;
    fastValue = (v - fastValue) * kFast + fastValue;
    const m = fastValue - slowValue;
    signalValue = (m - signalValue) * kSignal + signalValue;
    line[i] = m;
    signalLine[i] = signalValue;
    histogram[i] = m - signalValue;
  }
  return i;
}
