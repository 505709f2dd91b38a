/** Commodity channel index (TA-Lib CCI). */
import { finite3, startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, outputColumn, type Values } from './input.js';

/**
 * Commodity channel index: (tp - SMA(tp)) / (0.015 * mean absolute deviation of tp from that SMA), with
 * the typical price tp = (high + low + close) / 3, over the last `period` bars.
 *
 * Convention: TA-Lib CCI, 0 when the distance from the mean is 0 or the window is flat (its mean
 * deviation is only rounding, see FLAT_WINDOW). The mean deviation
 * needs every value of the window, so each bar costs O(period) (the mean itself is a running sum). Warm-up: the first value is at index
 * `period - 1` of each finite run.
 */
export function cci(high: Values, low: Values, close: Values, period: number): Float64Array {
  checkPeriod('cci', 'period', period);
  const n = checkSameLength('cci', high, low, close);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = outputColumn(n);
  const window = new Float64Array(period);
  const inputs = [h, l, c];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) start = startOfRun(inputs, outputs, cciRun(h, l, c, out, start, period, window), period);
  return out;
}

/**
 * CCI of the finite run starting at `start`, typical prices kept in the `window` ring; returns its end.
 *
 * The window's sum is kept running, as `sum + error`: each add and subtract is a TwoSum whose exact
 * rounding error goes to `error`, and the pair is renormalised once per turn of the ring so `error` stays
 * below an ulp of `sum` whatever the run's history. Re-summing the window every bar cost ~8 of ~37 ns/bar
 * at period 20; this mean is at least as accurate (worst |cci - exact| / max(1, |exact|) on the 1M-bar
 * walk 4e-12, was 7e-12), where a plain running sum re-summed every `period` bars reached 3e-11.
 */
function cciRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  window: Float64Array,
): number {
  const n = c.length;
  const first = start + period - 1;
  out.fill(Number.NaN, start, first);
  let slot = 0;
  let sum = 0;
  let error = 0;
  let i = start;
  for (; i < n; i++) {
    if (!finite3(h, l, c, i)) break;
    const tp = (h[i] + l[i] + c[i]) / 3;
    const leaving = window[slot];
    window[slot] = tp;
    slot = slot + 1 === period ? 0 : slot + 1;
    let next = sum + tp;
    let part = next - sum;
    error += sum - (next - part) + (tp - part);
    sum = next;
    if (i >= first) {
      if (i > first) {
        next = sum - leaving;
        part = next - sum;
        error += sum - (next - part) + (-leaving - part);
        sum = next;
        if (slot === 0) {
          next = sum + error;
          error -= next - sum;
          sum = next;
        }
      }
      out[i] = cciOfWindow(window, tp, (sum + error) / period);
    }
  }
  return i;
}

/**
 * A mean deviation at or below this fraction of the mean is rounding, not movement: in a flat window
 * (every typical price equal, e.g. an illiquid market's quiet hours) the sum ÷ period need not give the
 * price back exactly, and the leftover ulp made distance and deviation equal tiny numbers, so ~7% of
 * flat windows gave ±66.67 instead of 0 (TA-Lib's "0 when the deviation is 0" misses them the same way).
 * 4 ulps of the mean is above any such leftover and far below any real movement.
 */
const FLAT_WINDOW = 4 * Number.EPSILON;

/**
 * CCI of the window around its `mean`. The mean deviation is summed with four accumulators: the
 * dependency chain of one running sum, not the arithmetic, bounds an O(period) loop. Its order differs
 * from TA-Lib's single sum only in the last bits (about 1e-11 relative at worst on the golden data). The
 * bounds come from window.length, with the loop index the highest of the four it reads: as fast as or
 * up to ~1 ns/bar faster than a bound of `period - period % 4`, in the same order.
 */
function cciOfWindow(window: Float64Array, last: number, mean: number): number {
  const period = window.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 3;
  for (; j < period; j += 4) {
    s0 += Math.abs(window[j - 3] - mean);
    s1 += Math.abs(window[j - 2] - mean);
    s2 += Math.abs(window[j - 1] - mean);
    s3 += Math.abs(window[j] - mean);
  }
  for (j -= 3; j < period; j++) s0 += Math.abs(window[j] - mean);
  const deviation = s0 + s1 + (s2 + s3);
  const distance = last - mean;
  if (distance === 0 || deviation <= period * Math.abs(mean) * FLAT_WINDOW) return 0;
  return distance / (0.015 * (deviation / period));
}
