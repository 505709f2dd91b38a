/** Wilder's directional movement system: +DI, -DI and ADX (TA-Lib PLUS_DI, MINUS_DI, ADX). */
import { finite3, startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, outputColumn, type Values } from './input.js';
import { isNearZero } from './near-zero.js';
import { trueRangeAt } from './true-range.js';

/**
 * Plus directional indicator: 100 * smoothed(+DM) / smoothed(TR).
 *
 * Convention: TA-Lib PLUS_DI. +DM of a bar is the rise of the high when it beats the fall of the low
 * (else 0). The sums of the first `period - 1` moves seed Wilder's smoothing
 * s = s - s / period + x, whose first step lands on bar `period`; 0 where the smoothed TR is zero.
 * (For period 1 TA-Lib returns the ratio without the factor 100; here the factor is always applied.)
 * Warm-up: the first value is at index `period` of each finite run.
 */
export function plusDi(high: Values, low: Values, close: Values, period: number): Float64Array {
  return directional('plusDi', high, low, close, period, 'plus');
}

/**
 * Minus directional indicator: 100 * smoothed(-DM) / smoothed(TR); -DM is the fall of the low when it
 * beats the rise of the high. Convention and warm-up as {@link plusDi} (TA-Lib MINUS_DI): first value at index `period`.
 */
export function minusDi(high: Values, low: Values, close: Values, period: number): Float64Array {
  return directional('minusDi', high, low, close, period, 'minus');
}

/**
 * Average directional index: Wilder's average of DX = 100 * |+DI - -DI| / (+DI + -DI).
 *
 * Convention: TA-Lib ADX. The first ADX is the plain mean of the first `period` DX values (bars
 * period .. 2*period-1, a DX whose DI sum is zero counting as 0), then adx = (adx * (period - 1) + dx) / period,
 * unchanged on bars whose DX is undefined. Warm-up: the first value is at index 2 * period - 1 of each finite run.
 */
export function adx(high: Values, low: Values, close: Values, period: number): Float64Array {
  return directional('adx', high, low, close, period, 'adx');
}

/** The one output a call asked for; the others are computed as intermediates but not stored. */
type Output = 'plus' | 'minus' | 'adx';

function directional(fn: string, high: Values, low: Values, close: Values, period: number, want: Output): Float64Array {
  checkPeriod(fn, 'period', period);
  const n = checkSameLength(fn, high, low, close);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = outputColumn(n);
  const inputs = [h, l, c];
  const outputs = [out];
  // Bars up to the first value: period + 1 for the DIs, 2 * period for ADX.
  const span = want === 'adx' ? 2 * period : period + 1;
  let start = startOfRun(inputs, outputs, 0, span);
  while (start < n) start = startOfRun(inputs, outputs, directionalRun(h, l, c, out, start, period, want), span);
  return out;
}

/** The wanted line over the finite run starting at `start`; returns its end (see finite-runs.ts). */
function directionalRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  want: Output,
): number {
  const n = c.length;
  const firstAdx = start + 2 * period - 1;
  out.fill(Number.NaN, start, want === 'adx' ? firstAdx : start + period);
  let plusDm = 0;
  let minusDm = 0;
  let tr = 0;
  let i = start + 1;
  for (; i < start + period; i++) {
    const up = h[i] - h[i - 1];
    const down = l[i - 1] - l[i];
    if (down > 0 && up < down) minusDm += down;
    else if (up > 0 && up > down) plusDm += up;
    tr += trueRangeAt(h, l, c, i);
  }
  let sumDx = 0;
  let adxValue = 0;
  for (; i < n; i++) {
    if (!finite3(h, l, c, i)) break;
    const up = h[i] - h[i - 1];
    const down = l[i - 1] - l[i];
    plusDm -= plusDm / period;
    minusDm -= minusDm / period;
    if (down > 0 && up < down) minusDm += down;
    else if (up > 0 && up > down) plusDm += up;
    tr = tr - tr / period + trueRangeAt(h, l, c, i);
    const zeroRange = isNearZero(tr);
    const plus = zeroRange ? 0 : 100 * (plusDm / tr);
    const minus = zeroRange ? 0 : 100 * (minusDm / tr);
    if (want !== 'adx') {
      out[i] = want === 'plus' ? plus : minus;
      continue;
    }
    const sum = minus + plus;
    const dx = zeroRange || isNearZero(sum) ? Number.NaN : 100 * (Math.abs(minus - plus) / sum);
    if (i <= firstAdx) {
      // The first ADX is the plain mean of the first `period` DX values, an undefined DX counting as 0.
      if (!Number.isNaN(dx)) sumDx += dx;
      if (i === firstAdx) {
        adxValue = sumDx / period;
        out[i] = adxValue;
      }
      continue;
    }
    // Wilder's smoothing; a bar without a DX leaves the ADX unchanged.
    if (!Number.isNaN(dx)) adxValue = (adxValue * (period - 1) + dx) / period;
    out[i] = adxValue;
  }
  return i;
}
