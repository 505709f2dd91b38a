/** Aroon up/down (TA-Lib AROON). */
import { startOfRun } from './finite-runs.js';
import { asFloat64, checkPeriod, checkSameLength, outputColumns, type Values } from './input.js';
import {
  blockTailsWithBars,
  HIGH_BLOCK,
  HIGH_TAIL_BARS,
  HIGH_TAILS,
  highLowScratch,
  LOW_BLOCK,
  LOW_TAIL_BARS,
  LOW_TAILS,
  laterMaxBar,
  laterMinBar,
  partAt,
  startBlocks,
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
  const highTails = partAt(window, HIGH_TAILS) + 1;
  const highTailBars = partAt(window, HIGH_TAIL_BARS) + 1;
  const lowBlock = partAt(window, LOW_BLOCK);
  const lowTails = partAt(window, LOW_TAILS) + 1;
  const lowTailBars = partAt(window, LOW_TAIL_BARS) + 1;
  startBlocks(scratch, window);
  let headHigh = Number.NEGATIVE_INFINITY;
  let headLow = Number.POSITIVE_INFINITY;
  let headHighBar = start;
  let headLowBar = start;
  let k = 0;
  let i = start;
  for (; i < n; i++) {
    const high = h[i];
    const low = l[i];
    if (high - high + (low - low) !== 0) break;
    scratch[highBlock + k] = high;
    scratch[lowBlock + k] = low;
    // laterMax, laterMin and their bars, written out: each call of an imported function re-checks the
    // import, ~2 ns/bar here. A new extreme (ties included) is the later one: its bar is i.
    const newHigh = Number(high >= headHigh);
    const newLow = Number(low <= headLow);
    headHighBar += newHigh * (i - headHighBar);
    headLowBar += newLow * (i - headLowBar);
    scratch[0] = headHigh;
    scratch[1] = high;
    headHigh = scratch[newHigh];
    scratch[0] = headLow;
    scratch[1] = low;
    headLow = scratch[newLow];
    const highBar = laterMaxBar(scratch[highTails + k], scratch[highTailBars + k], headHigh, headHighBar);
    const lowBar = laterMinBar(scratch[lowTails + k], scratch[lowTailBars + k], headLow, headLowBar);
    if (++k === window) {
      k = 0;
      headHigh = Number.NEGATIVE_INFINITY;
      headLow = Number.POSITIVE_INFINITY;
      blockTailsWithBars(scratch, window, i - window + 1);
    }
    // Written during the warm-up too (from a partial window), then overwritten below: no branch here.
    up[i] = factor * (period - (i - highBar));
    down[i] = factor * (period - (i - lowBar));
  }
  const warm = Math.min(first, i);
  down.fill(Number.NaN, start, warm);
  up.fill(Number.NaN, start, warm);
  return i;
}
