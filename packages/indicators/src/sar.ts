/** Wilder's parabolic SAR (TA-Lib SAR). */
import { asFloat64, checkPositive, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';

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
  const out = nanArray(n);
  const step = Math.min(acceleration, maximum);
  forEachFiniteRun([h, l], (start, end) => {
    if (end - start >= 2) sarRun(h, l, start, end, step, maximum, out);
  });
  return out;
}

function sarRun(
  h: Float64Array,
  l: Float64Array,
  start: number,
  end: number,
  step: number,
  maximum: number,
  out: Float64Array,
): void {
  const first = start + 1;
  const up = h[first] - h[start];
  const down = l[start] - l[first];
  let isLong = !(down > 0 && up < down);
  let ep = isLong ? h[first] : l[first];
  let stop = isLong ? l[start] : h[start];
  let af = step;
  // Bar `first` is compared with itself as "yesterday", as TA-Lib does.
  for (let i = first; i < end; i++) {
    const prevHigh = i === first ? h[first] : h[i - 1];
    const prevLow = i === first ? l[first] : l[i - 1];
    if (isLong) {
      if (l[i] <= stop) {
        isLong = false;
        stop = Math.max(ep, prevHigh, h[i]);
        out[i] = stop;
        af = step;
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
        af = step;
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
}
