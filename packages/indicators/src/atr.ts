/** Average true range (TA-Lib ATR) and its normalised form (TA-Lib NATR). */
import { finite3, startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, outputColumn, type Values } from './input.js';
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
  const out = outputColumn(n);
  const inputs = [h, l, c];
  const outputs = [out];
  // The first value needs period + 1 bars (period true ranges).
  let start = startOfRun(inputs, outputs, 0, period + 1);
  while (start < n) start = startOfRun(inputs, outputs, atrRun(h, l, c, out, start, period, normalise), period + 1);
  return out;
}

/** ATR (or NATR) of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function atrRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  normalise: boolean,
): number {
  const n = c.length;
  const first = start + period;
  let sum = 0;
  for (let i = start + 1; i <= first; i++) sum += trueRangeAt(h, l, c, i);
  let value = sum / period;
  out.fill(Number.NaN, start, first);
  out[first] = normalise ? percentOfClose(value, c[first]) : value;
  let i = first + 1;
  for (; i < n; i++) {
    if (!finite3(h, l, c, i)) break;
    value = (value * (period - 1) + trueRangeAt(h, l, c, i)) / period;
    out[i] = normalise ? percentOfClose(value, c[i]) : value;
  }
  return i;
}

function percentOfClose(value: number, close: number): number {
  return isNearZero(close) ? 0 : (value / close) * 100;
}
