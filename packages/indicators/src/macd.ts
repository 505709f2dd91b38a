/** Moving average convergence/divergence (TA-Lib MACD). */
import { computeByFiniteRun } from './by-finite-run.js';
import { asFloat64, checkPeriod, type Values } from './input.js';
import { SeededEma } from './seeded-ema.js';

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
  const result = { macd: new Float64Array(n), signal: new Float64Array(n), histogram: new Float64Array(n) };
  const outputs = [result.macd, result.signal, result.histogram];
  computeByFiniteRun([x], outputs, (start, end) => macdRun(x, result, start, end, shorter, longer, signal));
  return result;
}

function macdRun(
  x: Float64Array,
  out: Macd,
  start: number,
  end: number,
  fast: number,
  slow: number,
  signal: number,
): number {
  const slowFirst = start + slow - 1;
  const first = slowFirst + signal - 1;
  if (first >= end) return end;
  const fastEma = new SeededEma(fast);
  const slowEma = new SeededEma(slow);
  const signalEma = new SeededEma(signal);
  for (let i = start; i < slowFirst; i++) slowEma.push(x[i]);
  for (let i = slowFirst - fast + 1; i < slowFirst; i++) fastEma.push(x[i]);
  const { macd: line, signal: signalLine, histogram } = out;
  for (let i = slowFirst; i < end; i++) {
    const v = x[i];
    slowEma.push(v);
    fastEma.push(v);
    const m = fastEma.value - slowEma.value;
    if (signalEma.push(m)) {
      line[i] = m;
      signalLine[i] = signalEma.value;
      histogram[i] = m - signalEma.value;
    }
  }
  return first;
}
