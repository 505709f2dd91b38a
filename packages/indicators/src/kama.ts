/** Kaufman adaptive moving average (TA-Lib KAMA). */
import { startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, outputColumn, type Values } from './input.js';
import { isNearZero } from './near-zero.js';

/** TA-Lib fixes KAMA's fast and slow EMA ends at 2 and 30 bars whatever the period. */
const SLOWEST = 2 / (30 + 1);
const SPREAD = 2 / (2 + 1) - SLOWEST;

/**
 * Kaufman adaptive moving average: an EMA whose smoothing follows the efficiency ratio
 * ER = |x - x[-period]| / Σ|1-bar moves| over `period` bars; sc = (ER * (2/3 - 2/31) + 2/31)².
 *
 * Convention: TA-Lib KAMA: seeded with x[period - 1], first value at index `period` of each finite
 * run (NaN before); ER is 1 when the sum of moves is (near) zero or not above the net change.
 * `period` must be a positive integer.
 */
export function kama(values: Values, period: number): Float64Array {
  checkPeriod('kama', 'period', period);
  const x = asFloat64(values);
  const n = x.length;
  const out = outputColumn(n);
  const inputs = [x];
  const outputs = [out];
  // The first value needs period + 1 inputs (period moves).
  let start = startOfRun(inputs, outputs, 0, period + 1);
  while (start < n) start = startOfRun(inputs, outputs, kamaRun(x, out, start, period), period + 1);
  return out;
}

/** KAMA of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function kamaRun(x: Float64Array, out: Float64Array, start: number, period: number): number {
  const n = x.length;
  const first = start + period;
  out.fill(Number.NaN, start, first);
  let moves = 0;
  for (let i = start; i < first; i++) moves += Math.abs(x[i] - x[i + 1]);
  let value = x[first - 1];
  let trailingValue = x[start];
  value = kamaStep(value, x[first], x[first] - trailingValue, moves);
  out[first] = value;
  let i = first + 1;
  for (let t = start + 1; i < n; i++, t++) {
    const v = x[i];
    if (v - v !== 0) break;
    const trailing = x[t];
    moves -= Math.abs(trailingValue - trailing);
    moves += Math.abs(v - x[i - 1]);
    trailingValue = trailing;
    value = kamaStep(value, v, v - trailing, moves);
    out[i] = value;
  }
  return i;
}

function kamaStep(previous: number, v: number, change: number, moves: number): number {
  const efficiency = moves <= change || isNearZero(moves) ? 1 : Math.abs(change / moves);
  let sc = efficiency * SPREAD + SLOWEST;
  sc *= sc;
  return (v - previous) * sc + previous;
}
