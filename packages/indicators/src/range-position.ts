/**
 * Where the close sits in the range of the last `period` bars: raw stochastic %K (STOCH/STOCHF) and
 * Williams' %R (WILLR) are the same rolling highest-high/lowest-low loop with a different last line, so
 * they share this kernel. `kind` is constant for a call: its branch is predicted, and both callers pass
 * Float64Arrays, so the loop stays monomorphic (see finite-runs.ts on why kernels are top-level functions).
 */
import { finite3, startOfRun } from './finite-runs.js';
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

/** 100 * (close - lowest low) / (highest high - lowest low), in [0, 100]. */
export const STOCHASTIC_K = 0;
/** -100 * (highest high - close) / (highest high - lowest low), in [-100, 0]. */
export const WILLIAMS_R = 1;
export type RangePositionKind = typeof STOCHASTIC_K | typeof WILLIAMS_R;

/**
 * The position of each close in its window's range into `out`, 0 when the range is 0 (TA-Lib); first
 * value at index `period - 1` of each finite run. `high`, `low` and `close` may be one array.
 */
export function rangePosition(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
  period: number,
  kind: RangePositionKind,
): void {
  const n = close.length;
  const scratch = highLowScratch(period);
  const inputs = high === low && low === close ? [close] : [high, low, close];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) {
    start = startOfRun(inputs, outputs, rangePositionRun(high, low, close, out, start, period, scratch, kind), period);
  }
}

/** The run starting at `start`; returns its end (see finite-runs.ts and rolling-extremes.ts). */
function rangePositionRun(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  scratch: Float64Array,
  kind: RangePositionKind,
): number {
  const n = close.length;
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
    if (!finite3(high, low, close, i)) break;
    const h = high[i];
    const l = low[i];
    scratch[highBlock + k] = h;
    scratch[lowBlock + k] = l;
    headHigh = laterMax(scratch, headHigh, h);
    headLow = laterMin(scratch, headLow, l);
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
    // TA-Lib's operation order: divide the range by ±100 first.
    if (kind === STOCHASTIC_K) {
      const range = (hi - lo) / 100;
      out[i] = range !== 0 ? (close[i] - lo) / range : 0;
    } else {
      const range = (hi - lo) / -100;
      out[i] = range !== 0 ? (hi - close[i]) / range : 0;
    }
  }
  return i;
}
