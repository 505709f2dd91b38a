/** Wilder's parabolic SAR (TA-Lib SAR). */
import { finite2, startOfRun } from './finite-runs.js';
import { asFloat64, checkPositive, checkSameLength, outputColumn, type Values } from './input.js';

/**
 * Parabolic stop-and-reverse: a trailing stop that moves toward the extreme point (EP) of the current
 * trend by an acceleration factor growing by `acceleration` at each new EP, up to `maximum`; when a
 * bar's range crosses it, the trend reverses and the SAR restarts at the previous EP.
 *
 * Convention: TA-Lib SAR. The start is short if bar 1's one-bar -DM is positive, else long; the first
 * SAR is bar 0's low (long) or high (short) with bar 1's high (long) or low (short) as the EP. The SAR
 * never enters the last two bars' range. An acceleration above the maximum is lowered to it.
 * Warm-up: the first value is at index 1 of each finite run.
 */
export function sar(high: Values, low: Values, acceleration = 0.02, maximum = 0.2): Float64Array {
  checkPositive('sar', 'acceleration', acceleration);
  checkPositive('sar', 'maximum', maximum);
  const n = checkSameLength('sar', high, low);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const out = outputColumn(n);
  const step = Math.min(acceleration, maximum);
  const inputs = [h, l];
  const outputs = [out];
  // The first value, at bar 1 of the run, needs two bars.
  let start = startOfRun(inputs, outputs, 0, 2);
  while (start < n) start = startOfRun(inputs, outputs, sarRun(h, l, out, start, step, maximum), 2);
  return out;
}

/** SAR of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function sarRun(
  h: Float64Array,
  l: Float64Array,
  out: Float64Array,
  start: number,
  step: number,
  maximum: number,
): number {
  const n = h.length;
  const first = start + 1;
  out[start] = Number.NaN;
  const up = h[first] - h[start];
  const down = l[start] - l[first];
  let isLong = !(down > 0 && up < down);
  let ep = isLong ? h[first] : l[first];
  let stop = isLong ? l[start] : h[start];
  // `+step`: af starts from a number V8 knows to be unboxed; started from the (boxed) argument, af stayed
  // boxed and every new acceleration allocated a heap number (~1 B/bar of garbage).
  let af = +step;
  // Bar `first` is compared with itself as "yesterday", as TA-Lib does.
  let i = first;
  for (; i < n; i++) {
    if (!finite2(h, l, i)) break;
    const prevHigh = i === first ? h[first] : h[i - 1];
    const prevLow = i === first ? l[first] : l[i - 1];
    if (isLong) {
      if (l[i] <= stop) {
        isLong = false;
        stop = Math.max(ep, prevHigh, h[i]);
        out[i] = stop;
        af = +step;
        ep = l[i];
        stop = Math.max(stop + af * (ep - stop), prevHigh, h[i]);
        continue;
      }
      out[i] = stop;
      if (h[i] > ep) {
        ep = h[i];
        af = Math.min(af + step, maximum);
      }
      stop = Math.min(stop + af * (ep - stop), prevLow, l[i]);
    } else {
      if (h[i] >= stop) {
        isLong = true;
        stop = Math.min(ep, prevLow, l[i]);
        out[i] = stop;
        af = +step;
        ep = h[i];
        stop = Math.min(stop + af * (ep - stop), prevLow, l[i]);
        continue;
      }
      out[i] = stop;
      if (l[i] < ep) {
        ep = l[i];
        af = Math.min(af + step, maximum);
      }
      stop = Math.max(stop + af * (ep - stop), prevHigh, h[i]);
    }
  }
  return i;
}
