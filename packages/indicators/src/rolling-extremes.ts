/**
 * Rolling maxima and minima of the last `window` bars in O(1) per bar and without data-dependent
 * branches (van Herk / Gil–Werman). The bars of a run are cut into blocks of `window` bars; the window
 * ending at bar i (offset k in its block) is the tail of the previous block, from offset k + 1, followed
 * by the head of i's block, up to offset k. The kernel keeps the extreme of its block's head in a local;
 * at each block's end, tailMaxima/tailMinima compute the extremes of the block's tails for the next one.
 *
 * Every comparison picks its value with `choose`, without a branch: on price data a monotonic deque's
 * pops mispredicted about every bar (willr's two windows cost ~40 ns/bar that way, ~20 like this). Ties
 * go to the later bar, as in TA-Lib's AROON, which reports how long ago the extreme was; the values
 * picked are the inputs themselves, signed zeros included.
 *
 * The state lives in typed arrays and kernel locals, not in objects (not even object literals): V8 drops
 * the layout (map) of objects none of which survive a GC, and with it the optimised code of every kernel
 * that checked it, so an object per call sent calls after a GC back to unoptimised code (--trace-deopt:
 * "weak objects"). Typed arrays and plain arrays have layouts that live as long as the process.
 */
import { choose } from './choose.js';

/** `later` if it is at least `earlier`, else `earlier`, without a branch (`pick`: scratch, see choose). */
export function laterMax(pick: Float64Array, earlier: number, later: number): number {
  return choose(pick, later >= earlier, earlier, later);
}

/** `later` if it is at most `earlier`, else `earlier`, without a branch. */
export function laterMin(pick: Float64Array, earlier: number, later: number): number {
  return choose(pick, later <= earlier, earlier, later);
}

/**
 * At the end of a block: tails[j] = the maximum of block[j ..], later bars winning ties, for j < window,
 * and tails[window] = -Infinity (a window ending at a block's last bar is that block alone).
 */
export function tailMaxima(pick: Float64Array, block: Float64Array, tails: Float64Array): void {
  const window = block.length;
  let extreme = Number.NEGATIVE_INFINITY;
  tails[window] = extreme;
  for (let j = window - 1; j >= 0; j--) {
    extreme = laterMax(pick, block[j], extreme);
    tails[j] = extreme;
  }
}

/** As tailMaxima, for minima (tails[window] = +Infinity). */
export function tailMinima(pick: Float64Array, block: Float64Array, tails: Float64Array): void {
  const window = block.length;
  let extreme = Number.POSITIVE_INFINITY;
  tails[window] = extreme;
  for (let j = window - 1; j >= 0; j--) {
    extreme = laterMin(pick, block[j], extreme);
    tails[j] = extreme;
  }
}

/**
 * The bar of `later` when later >= earlier, else `earlierBar`, by arithmetic on small integers (exact),
 * so without a branch either: for AROON, which needs where the extreme is.
 */
export function laterMaxBar(earlier: number, earlierBar: number, later: number, laterBar: number): number {
  return earlierBar + Number(later >= earlier) * (laterBar - earlierBar);
}

/** The bar of `later` when later <= earlier, else `earlierBar` (see laterMaxBar). */
export function laterMinBar(earlier: number, earlierBar: number, later: number, laterBar: number): number {
  return earlierBar + Number(later <= earlier) * (laterBar - earlierBar);
}

/** As tailMaxima, also the bar of each tail's maximum in `bars` (the block's first bar is `blockStart`). */
export function tailMaximaBars(
  pick: Float64Array,
  block: Float64Array,
  tails: Float64Array,
  bars: Float64Array,
  blockStart: number,
): void {
  const window = block.length;
  let extreme = Number.NEGATIVE_INFINITY;
  let bar = blockStart + window;
  tails[window] = extreme;
  for (let j = window - 1; j >= 0; j--) {
    bar = laterMaxBar(block[j], blockStart + j, extreme, bar);
    extreme = laterMax(pick, block[j], extreme);
    tails[j] = extreme;
    bars[j] = bar;
  }
}

/** As tailMaximaBars, for minima. */
export function tailMinimaBars(
  pick: Float64Array,
  block: Float64Array,
  tails: Float64Array,
  bars: Float64Array,
  blockStart: number,
): void {
  const window = block.length;
  let extreme = Number.POSITIVE_INFINITY;
  let bar = blockStart + window;
  tails[window] = extreme;
  for (let j = window - 1; j >= 0; j--) {
    bar = laterMinBar(block[j], blockStart + j, extreme, bar);
    extreme = laterMin(pick, block[j], extreme);
    tails[j] = extreme;
    bars[j] = bar;
  }
}

/**
 * Scratch of a rolling highest high and lowest low: each series' current block and the extremes (and,
 * for AROON, their bars) of the previous block's tails. An array, not an object: see the module comment.
 */
export type HighLowBlocks = [
  pick: Float64Array,
  highBlock: Float64Array,
  highTails: Float64Array,
  lowBlock: Float64Array,
  lowTails: Float64Array,
  highTailBars: Float64Array,
  lowTailBars: Float64Array,
];

/** The scratch for windows of `window` bars; a few small arrays whatever the input length. */
export function highLowBlocks(window: number): HighLowBlocks {
  const tails = () => new Float64Array(window + 1);
  return [new Float64Array(2), new Float64Array(window), tails(), new Float64Array(window), tails(), tails(), tails()];
}
