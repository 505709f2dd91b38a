/** Aroon up/down (TA-Lib AROON). */
import { finite2, startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, outputColumns, type Values } from './input.js';
import {
  HIGH_BLOCK,
  HIGH_TAIL_BARS,
  HIGH_TAILS,
  highLowScratch,
  LOW_BLOCK,
  LOW_TAIL_BARS,
  LOW_TAILS,
  laterMax,
  laterMaxBar,
  laterMin,
  laterMinBar,
  partAt,
  startBlocks,
  tailMaximaBars,
  tailMinimaBars,
} from './rolling-extremes.js';

/**
 * Aroon: up = 100 * (period - bars since the highest high) / period, down the same for the lowest low,
 * looking at the last `period + 1` bars; both in [0, 100].
 *
 * Convention: TA-Lib AROON: on ties the most recent extreme counts. Warm-up: the first value is at
 * index `period` of each finite run.
 */
export function aroon(high: Values, low: Values, period = 14): { down: Float64Array; up: Float64Array } {
  checkPeriod('aroon', 'period', period);
  const n = checkSameLength('aroon', high, low);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const [down, up] = outputColumns(n, 2);
  const scratch = highLowScratch(period + 1);
  const inputs = [h, l];
  const outputs = [down, up];
  let start = startOfRun(inputs, outputs, 0, period + 1);
  while (start < n) start = startOfRun(inputs, outputs, aroonRun(h, l, down, up, start, period, scratch), period + 1);
  return { down, up };
}

/** Aroon over the finite run starting at `start`; returns its end (see finite-runs.ts and rolling-extremes.ts). */
function aroonRun(
  h: Float64Array,
  l: Float64Array,
  down: Float64Array,
  up: Float64Array,
  start: number,
  period: number,
  scratch: Float64Array,
): number {
  const n = h.length;
  const window = period + 1;
  const first = start + period;
  const factor = 100 / period;
  const highBlock = partAt(window, HIGH_BLOCK);
  const highTails = partAt(window, HIGH_TAILS);
  const highTailBars = partAt(window, HIGH_TAIL_BARS);
  const lowBlock = partAt(window, LOW_BLOCK);
  const lowTails = partAt(window, LOW_TAILS);
  const lowTailBars = partAt(window, LOW_TAIL_BARS);
  startBlocks(scratch, window);
  let headHigh = Number.NEGATIVE_INFINITY;
  let headLow = Number.POSITIVE_INFINITY;
  let headHighBar = start;
  let headLowBar = start;
  let k = 0;
  down.fill(Number.NaN, start, first);
  up.fill(Number.NaN, start, first);
  let i = start;
  for (; i < n; i++) {
    if (!finite2(h, l, i)) break;
    const high = h[i];
    const low = l[i];
    scratch[highBlock + k] = high;
    scratch[lowBlock + k] = low;
    headHighBar = laterMaxBar(headHigh, headHighBar, high, i);
    headHigh = laterMax(scratch, headHigh, high);
    headLowBar = laterMinBar(headLow, headLowBar, low, i);
    headLow = laterMin(scratch, headLow, low);
    const highBar = laterMaxBar(scratch[highTails + k + 1], scratch[highTailBars + k + 1], headHigh, headHighBar);
    const lowBar = laterMinBar(scratch[lowTails + k + 1], scratch[lowTailBars + k + 1], headLow, headLowBar);
    if (++k === window) {
      k = 0;
      headHigh = Number.NEGATIVE_INFINITY;
      headLow = Number.POSITIVE_INFINITY;
      tailMaximaBars(scratch, window, i - window + 1);
      tailMinimaBars(scratch, window, i - window + 1);
    }
    if (i < first) continue;
    up[i] = factor * (period - (i - highBar));
    down[i] = factor * (period - (i - lowBar));
  }
  return i;
}
