/** Average true range (TA-Lib ATR) and its normalised form (TA-Lib NATR). */
import { asFloat64, checkPeriod, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';
import { isNearZero } from './near-zero.js';
import { trueRangeAt } from './true-range.js';

/**
 * Average true range: Wilder's smoothing of the true range max(high - low, |high - prevClose|,
 * |low - prevClose|).
 *
 * Convention: TA-Lib ATR. The first value is the plain mean of the first `period` true ranges (bars 1..period:
 * bar 0 has no previous close), then atr = (atr * (period - 1) + tr) / period.
 * Warm-up: the first value is at index `period` of each finite run (a bar is finite when high, low and
 * close all are). `period` must be a positive integer.
 */
export function atr(high: Values, low: Values, close: Values, period: number): Float64Array {
  return averageTrueRange('atr', high, low, close, period, false);
}

/**
 * Normalised average true range: 100 * ATR / close, ATR as in {@link atr}.
 *
 * Convention: TA-Lib NATR, 0 where the close is (near) zero. Warm-up as ATR: first value at index `period`.
 */
export function natr(high: Values, low: Values, close: Values, period: number): Float64Array {
  return averageTrueRange('natr', high, low, close, period, true);
}

function averageTrueRange(
  fn: string,
  high: Values,
  low: Values,
  close: Values,
  period: number,
  normalise: boolean,
): Float64Array {
  checkPeriod(fn, 'period', period);
  const n = checkSameLength(fn, high, low, close);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = nanArray(n);
  forEachFiniteRun([h, l, c], (start, end) => {
    if (end - start <= period) return;
    let sum = 0;
    let i = start + 1;
    for (; i <= start + period; i++) sum += trueRangeAt(h, l, c, i);
    let value = sum / period;
    out[start + period] = normalise ? percentOfClose(value, c[start + period]) : value;
    for (; i < end; i++) {
      value = (value * (period - 1) + trueRangeAt(h, l, c, i)) / period;
      out[i] = normalise ? percentOfClose(value, c[i]) : value;
    }
  });
  return out;
}

function percentOfClose(value: number, close: number): number {
  return isNearZero(close) ? 0 : (value / close) * 100;
}
