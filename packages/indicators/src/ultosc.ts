/** Ultimate oscillator (TA-Lib ULTOSC). */
import { finite3, startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, outputColumn, type Values } from './input.js';
import { isNearZero } from './near-zero.js';
import { trueRangeAt } from './true-range.js';

/**
 * Ultimate oscillator: 100 * (4 * A1 + 2 * A2 + A3) / 7, where An is the sum of buying pressure
 * (close - min(low, prevClose)) over the sum of true range across the n-th period.
 *
 * Convention: TA-Lib ULTOSC: the periods are sorted, the shortest gets weight 4, the middle 2, the
 * longest 1; a term whose true-range sum is (near) zero is left out. Running sums, as TA-Lib keeps them.
 * Warm-up: the first value is at index max(period1, period2, period3) of each finite run.
 */
export function ultosc(
  high: Values,
  low: Values,
  close: Values,
  period1 = 7,
  period2 = 14,
  period3 = 28,
): Float64Array {
  checkPeriod('ultosc', 'period1', period1);
  checkPeriod('ultosc', 'period2', period2);
  checkPeriod('ultosc', 'period3', period3);
  const n = checkSameLength('ultosc', high, low, close);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = outputColumn(n);
  const [p1, p2, p3] = [period1, period2, period3].sort((a, b) => a - b);
  // Rings of the last `longest` bars' terms: each bar's terms are computed once, and subtracted when they leave.
  const terms: Terms = [new Float64Array(p3), new Float64Array(p3)];
  const inputs = [h, l, c];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, p3 + 1);
  while (start < n) start = startOfRun(inputs, outputs, ultoscRun(h, l, c, out, start, p1, p2, p3, terms), p3 + 1);
  return out;
}

/** Rings of the buying pressure and true range of the last bars (an array, not an object: see rolling-extremes.ts). */
type Terms = [pressure: Float64Array, range: Float64Array];

/** ULTOSC of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function ultoscRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  start: number,
  p1: number,
  p2: number,
  p3: number,
  terms: Terms,
): number {
  const n = c.length;
  const [pressure, range] = terms;
  const size = p3;
  const first = start + p3;
  out.fill(Number.NaN, start, first);
  for (let i = start + 1; i < first; i++) {
    pressure[i % size] = c[i] - Math.min(l[i], c[i - 1]);
    range[i % size] = trueRangeAt(h, l, c, i);
  }
  // Each sum starts from its own window, as TA-Lib primes them (same additions, same rounding).
  let a1 = ringSum(pressure, first - p1 + 1, first);
  let b1 = ringSum(range, first - p1 + 1, first);
  let a2 = ringSum(pressure, first - p2 + 1, first);
  let b2 = ringSum(range, first - p2 + 1, first);
  let a3 = ringSum(pressure, first - p3 + 1, first);
  let b3 = ringSum(range, first - p3 + 1, first);
  // Ring slots of bar i and of the bars leaving each window, stepped rather than computed with `%`
  // (an integer division per slot and bar was most of the loop's time).
  let slot = first % size;
  let old1 = (first - p1 + 1) % size;
  let old2 = (first - p2 + 1) % size;
  let old3 = (first - p3 + 1) % size;
  let i = first;
  for (; i < n; i++) {
    if (!finite3(h, l, c, i)) break;
    const a = c[i] - Math.min(l[i], c[i - 1]);
    const b = trueRangeAt(h, l, c, i);
    pressure[slot] = a;
    range[slot] = b;
    a1 += a;
    a2 += a;
    a3 += a;
    b1 += b;
    b2 += b;
    b3 += b;
    let weighted = 0;
    if (!isNearZero(b1)) weighted += 4 * (a1 / b1);
    if (!isNearZero(b2)) weighted += 2 * (a2 / b2);
    if (!isNearZero(b3)) weighted += a3 / b3;
    a1 -= pressure[old1];
    b1 -= range[old1];
    a2 -= pressure[old2];
    b2 -= range[old2];
    a3 -= pressure[old3];
    b3 -= range[old3];
    out[i] = 100 * (weighted / 7);
    slot = next(slot, size);
    old1 = next(old1, size);
    old2 = next(old2, size);
    old3 = next(old3, size);
  }
  return i;
}

/** The ring slot after `slot`. */
function next(slot: number, size: number): number {
  return slot + 1 === size ? 0 : slot + 1;
}

/** Sum of the ring's entries for bars [from, to), oldest first. */
function ringSum(ring: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += ring[i % ring.length];
  return sum;
}
