/**
 * Where the close sits in the range of the last `period` bars: raw stochastic %K (STOCH/STOCHF) and
 * Williams' %R (WILLR) are the same rolling highest-high/lowest-low loop with a different last line, so
 * they share this kernel. `kind` is constant for a call: its branch is predicted, and both callers pass
 * Float64Arrays, so the loop stays monomorphic (see finite-runs.ts on why kernels are top-level functions).
 */
import { startOfRun } from './finite-runs.js';
import {
  blockTails,
  HIGH_BLOCK,
  HIGH_TAILS,
  highLowScratch,
  LOW_BLOCK,
  LOW_TAILS,
  partAt,
  startBlocks,
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
  const oneSeries = high === low && low === close;
  const inputs = oneSeries ? [close] : [high, low, close];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, period);
  while (start < n) {
    const end = oneSeries
      ? oneSeriesRun(close, out, start, period, scratch, kind)
      : rangePositionRun(high, low, close, out, start, period, scratch, kind);
    start = startOfRun(inputs, outputs, end, period);
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
  const stochastic = kind === STOCHASTIC_K;
  const highBlock = partAt(period, HIGH_BLOCK);
  const highTails = partAt(period, HIGH_TAILS) + 1;
  const lowBlock = partAt(period, LOW_BLOCK);
  const lowTails = partAt(period, LOW_TAILS) + 1;
  startBlocks(scratch, period);
  let headHigh = Number.NEGATIVE_INFINITY;
  let headLow = Number.POSITIVE_INFINITY;
  let k = 0;
  let i = start;
  for (; i < n; i++) {
    const h = high[i];
    const l = low[i];
    const c = close[i];
    if (h - h + (l - l) + (c - c) !== 0) break;
    scratch[highBlock + k] = h;
    scratch[lowBlock + k] = l;
    // laterMax and laterMin (rolling-extremes.ts) written out: each call of an imported function re-checks
    // the import, and the four calls cost ~1.2 ns/bar here.
    scratch[0] = headHigh;
    scratch[1] = h;
    headHigh = scratch[Number(h >= headHigh)];
    scratch[0] = headLow;
    scratch[1] = l;
    headLow = scratch[Number(l <= headLow)];
    const highTail = scratch[highTails + k];
    scratch[0] = highTail;
    scratch[1] = headHigh;
    const hi = scratch[Number(headHigh >= highTail)];
    const lowTail = scratch[lowTails + k];
    scratch[0] = lowTail;
    scratch[1] = headLow;
    const lo = scratch[Number(headLow <= lowTail)];
    if (++k === period) {
      k = 0;
      headHigh = Number.NEGATIVE_INFINITY;
      headLow = Number.POSITIVE_INFINITY;
      blockTails(scratch, period, lowBlock);
    }
    // Written during the warm-up too (a value of a partial window), then overwritten below: no branch here.
    out[i] = stochastic ? stochasticK(hi, lo, c) : williamsR(hi, lo, c);
  }
  out.fill(Number.NaN, start, Math.min(first, i));
  return i;
}

/**
 * rangePositionRun where high, low and close are one series (stochRsi's RSI): one read and one copy into
 * the block per bar, one block for both tails; ~2.5 ns/bar less than rangePositionRun on stochRsi.
 */
function oneSeriesRun(
  values: Float64Array,
  out: Float64Array,
  start: number,
  period: number,
  scratch: Float64Array,
  kind: RangePositionKind,
): number {
  const n = values.length;
  const first = start + period - 1;
  const stochastic = kind === STOCHASTIC_K;
  const block = partAt(period, HIGH_BLOCK);
  const highTails = partAt(period, HIGH_TAILS) + 1;
  const lowTails = partAt(period, LOW_TAILS) + 1;
  startBlocks(scratch, period);
  let headHigh = Number.NEGATIVE_INFINITY;
  let headLow = Number.POSITIVE_INFINITY;
  let k = 0;
  let i = start;
  for (; i < n; i++) {
    const v = values[i];
    if (v - v !== 0) break;
    scratch[block + k] = v;
    // As in rangePositionRun.
    scratch[0] = headHigh;
    scratch[1] = v;
    headHigh = scratch[Number(v >= headHigh)];
    scratch[0] = headLow;
    scratch[1] = v;
    headLow = scratch[Number(v <= headLow)];
    const highTail = scratch[highTails + k];
    scratch[0] = highTail;
    scratch[1] = headHigh;
    const hi = scratch[Number(headHigh >= highTail)];
    const lowTail = scratch[lowTails + k];
    scratch[0] = lowTail;
    scratch[1] = headLow;
    const lo = scratch[Number(headLow <= lowTail)];
    if (++k === period) {
      k = 0;
      headHigh = Number.NEGATIVE_INFINITY;
      headLow = Number.POSITIVE_INFINITY;
      blockTails(scratch, period, block);
    }
    out[i] = stochastic ? stochasticK(hi, lo, v) : williamsR(hi, lo, v);
  }
  out.fill(Number.NaN, start, Math.min(first, i));
  return i;
}

/** Raw %K, in TA-Lib's operation order: the range is divided by 100 first; 0 for a zero range. */
function stochasticK(highest: number, lowest: number, close: number): number {
  const range = (highest - lowest) / 100;
  return range !== 0 ? (close - lowest) / range : 0;
}

/** Williams' %R, in TA-Lib's operation order (the range divided by -100 first); 0 for a zero range. */
function williamsR(highest: number, lowest: number, close: number): number {
  const range = (highest - lowest) / -100;
  return range !== 0 ? (highest - close) / range : 0;
}
