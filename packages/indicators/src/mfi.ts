/** Money flow index (TA-Lib MFI). */
import { choose } from './choose.js';
import { finite4, startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, outputColumn, type Values } from './input.js';

/**
 * Money flow index: 100 * positive flow / (positive + negative flow) over the last `period` bars, where a
 * bar's flow is typical price (high + low + close) / 3 times volume, positive when the typical price rose
 * from the bar before, negative when it fell, and neither when unchanged.
 *
 * Convention: TA-Lib MFI, including its rule that the value is 0 when the total flow is below 1 (in price
 * × volume units). Warm-up: the first value is at index `period` of each finite run.
 */
export function mfi(high: Values, low: Values, close: Values, volume: Values, period = 14): Float64Array {
  checkPeriod('mfi', 'period', period);
  const n = checkSameLength('mfi', high, low, close, volume);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const v = asFloat64(volume);
  const out = outputColumn(n);
  // Rings of the last `period` bars' positive and negative flows.
  const flows: Flows = [new Float64Array(period), new Float64Array(period), new Float64Array(2)];
  const inputs = [h, l, c, v];
  const outputs = [out];
  // The first value needs period + 1 bars (period typical-price moves).
  let start = startOfRun(inputs, outputs, 0, period + 1);
  while (start < n) start = startOfRun(inputs, outputs, mfiRun(h, l, c, v, out, start, period, flows), period + 1);
  return out;
}

/** Rings of the positive and negative flows, and choose's scratch (an array, not an object: see rolling-extremes.ts). */
type Flows = [positive: Float64Array, negative: Float64Array, pick: Float64Array];

/** MFI of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function mfiRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  v: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  flows: Flows,
): number {
  const n = c.length;
  const [positive, negative, pick] = flows;
  out.fill(Number.NaN, start, start + period);
  let posSum = 0;
  let negSum = 0;
  let prevTp = (h[start] + l[start] + c[start]) / 3;
  let slot = 0;
  let i = start + 1;
  for (; i < n; i++) {
    if (!finite4(h, l, c, v, i)) break;
    if (i > start + period) {
      posSum -= positive[slot];
      negSum -= negative[slot];
    }
    const tp = (h[i] + l[i] + c[i]) / 3;
    const flow = tp * v[i];
    // Up and down moves come at random: chosen without a branch.
    positive[slot] = choose(pick, tp > prevTp, 0, flow);
    negative[slot] = choose(pick, tp < prevTp, 0, flow);
    posSum += positive[slot];
    negSum += negative[slot];
    prevTp = tp;
    slot = slot + 1 === period ? 0 : slot + 1;
    if (i < start + period) continue;
    const total = posSum + negSum;
    out[i] = total < 1 ? 0 : 100 * (posSum / total);
  }
  return i;
}
