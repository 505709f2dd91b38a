/** Williams' %R (TA-Lib WILLR). */
import { finite3, startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, type Values } from './input.js';
import {
  HIGH_BLOCK,
  HIGH_TAILS,
  highLowScratch,
  LOW_BLOCK,
  LOW_TAILS,
  laterMax,
  laterMin,
  partAt,
  startBlocks,
  tailMaxima,
  tailMinima,
} from './rolling-extremes.js';

/**
 * Williams' %R: -100 * (highest high - close) / (highest high - lowest low) over the last `period`
 * bars, in [-100, 0].
 *
 * Convention: TA-Lib WILLR, 0 when the range is 0. Warm-up: the first value is at index `period - 1`
 * of each finite run.
 */
export function willr(high: Values, low: Values, close: Values, period: number): Float64Array {
  checkPeriod('willr', 'period', period);
  const n = checkSameLength('willr', high, low, close);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = new Float64Array(n);
  const scratch = highLowScratch(period);
  const inputs = [h, l, c];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) start = startOfRun(inputs, outputs, willrRun(h, l, c, out, start, period, scratch), period);
  return out;
}

/** %R of the finite run starting at `start`; returns its end (see finite-runs.ts and rolling-extremes.ts). */
function willrRun(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  scratch: Float64Array,
): number {
  const n = c.length;
  const first = start + period - 1;
  const highBlock = partAt(period, HIGH_BLOCK);
  const highTails = partAt(period, HIGH_TAILS);
  const lowBlock = partAt(period, LOW_BLOCK);
  const lowTails = partAt(period, LOW_TAILS);
  startBlocks(scratch, period);
  let headHigh = Number.NEGATIVE_INFINITY;
  let headLow = Number.POSITIVE_INFINITY;
  let k = 0;
  out.fill(Number.NaN, start, first);
  let i = start;
  for (; i < n; i++) {
    if (!finite3(h, l, c, i)) break;
    const high = h[i];
    const low = l[i];
    scratch[highBlock + k] = high;
    scratch[lowBlock + k] = low;
    headHigh = laterMax(scratch, headHigh, high);
    headLow = laterMin(scratch, headLow, low);
    const hi = laterMax(scratch, scratch[highTails + k + 1], headHigh);
    const lo = laterMin(scratch, scratch[lowTails + k + 1], headLow);
    if (++k === period) {
      k = 0;
      headHigh = Number.NEGATIVE_INFINITY;
      headLow = Number.POSITIVE_INFINITY;
      tailMaxima(scratch, highBlock, highTails, period);
      tailMinima(scratch, lowBlock, lowTails, period);
    }
    if (i < first) continue;
    // TA-Lib's operation order: divide the range by -100 first.
    const range = (hi - lo) / -100;
    out[i] = range !== 0 ? (hi - c[i]) / range : 0;
  }
  return i;
}
