/**
 * Rolling maxima and minima of the last `window` bars in O(1) per bar and without data-dependent
 * branches (van Herk / Gil–Werman). The bars of a run are cut into blocks of `window` bars; the window
 * ending at bar i (offset k in its block) is the tail of the previous block, from offset k + 1, followed
 * by the head of i's block, up to offset k. The kernel keeps the extreme of its block's head in a local;
 * at each block's end, tailMaxima/tailMinima compute the extremes of the block's tails for the next one.
 *
 * Every comparison picks its value with `choose`, without a branch: on price data a monotonic deque's
 * pops mispredicted about every bar (willr's two windows cost ~40 ns/bar that way). Ties go to the later
 * bar, as in TA-Lib's AROON, which reports how long ago the extreme was; the values picked are the inputs
 * themselves, signed zeros included.
 *
 * All the state of one call is one Float64Array (`highLowScratch`) and kernel locals:
 * - not objects, not even object literals: V8 drops the layout (map) of objects none of which survive a
 *   GC, and with it the optimised code of every kernel that checked it, so an object per call sent calls
 *   after a GC back to unoptimised code (--trace-deopt: "weak objects");
 * - one array rather than one per part: a loop pays for every distinct typed array it touches (V8
 *   re-checks its map and reloads its length and data pointer on every iteration), and five arrays made
 *   willr's loop twice as slow as one.
 */
import { choose } from './choose.js';

/** The parts of a highLowScratch, after its two `pick` slots; each holds window + 1 numbers. */
export const HIGH_BLOCK = 0;
export const HIGH_TAILS = 1;
export const LOW_BLOCK = 2;
export const LOW_TAILS = 3;
/** For AROON: the bars of the tails' extremes. */
export const HIGH_TAIL_BARS = 4;
export const LOW_TAIL_BARS = 5;

/**
 * Scratch for a rolling highest high and lowest low over `window` bars: slots 0 and 1 are choose's
 * `pick`, then the parts above (a block's values, the previous block's tail extremes; a tails part has
 * one slot more, ∓Infinity, for the window that is exactly the current block).
 */
export function highLowScratch(window: number): Float64Array {
  return new Float64Array(2 + 6 * (window + 1));
}

/** Where part `part` of a scratch for `window`-bar windows starts. */
export function partAt(window: number, part: number): number {
  return 2 + part * (window + 1);
}

/** Starts a run: its first block has no predecessor, so its windows are its head alone. */
export function startBlocks(scratch: Float64Array, window: number): void {
  const highTails = partAt(window, HIGH_TAILS);
  const lowTails = partAt(window, LOW_TAILS);
  scratch.fill(Number.NEGATIVE_INFINITY, highTails, highTails + window + 1);
  scratch.fill(Number.POSITIVE_INFINITY, lowTails, lowTails + window + 1);
}

/** `later` if it is at least `earlier`, else `earlier`, without a branch (`pick`: scratch, see choose). */
export function laterMax(pick: Float64Array, earlier: number, later: number): number {
  return choose(pick, later >= earlier, earlier, later);
}

/** `later` if it is at most `earlier`, else `earlier`, without a branch. */
export function laterMin(pick: Float64Array, earlier: number, later: number): number {
  return choose(pick, later <= earlier, earlier, later);
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

/**
 * At the end of a block: the maximum of the block's values from offset j on, later bars winning ties, goes
 * to tails + j for j < window (block and tails are offsets into `scratch`).
 */
export function tailMaxima(scratch: Float64Array, block: number, tails: number, window: number): void {
  let extreme = Number.NEGATIVE_INFINITY;
  for (let j = window - 1; j >= 0; j--) {
    extreme = laterMax(scratch, scratch[block + j], extreme);
    scratch[tails + j] = extreme;
  }
}

/** As tailMaxima, for minima. */
export function tailMinima(scratch: Float64Array, block: number, tails: number, window: number): void {
  let extreme = Number.POSITIVE_INFINITY;
  for (let j = window - 1; j >= 0; j--) {
    extreme = laterMin(scratch, scratch[block + j], extreme);
    scratch[tails + j] = extreme;
  }
}

/** As tailMaxima, also the bar of each tail's maximum at bars + j (the block's first bar is `blockStart`). */
export function tailMaximaBars(scratch: Float64Array, window: number, blockStart: number): void {
  const block = partAt(window, HIGH_BLOCK);
  const tails = partAt(window, HIGH_TAILS);
  const bars = partAt(window, HIGH_TAIL_BARS);
  let extreme = Number.NEGATIVE_INFINITY;
  let bar = blockStart + window;
  for (let j = window - 1; j >= 0; j--) {
    const v = scratch[block + j];
    bar = laterMaxBar(v, blockStart + j, extreme, bar);
    extreme = laterMax(scratch, v, extreme);
    scratch[tails + j] = extreme;
    scratch[bars + j] = bar;
  }
}

/** As tailMaximaBars, for the minima of the low block. */
export function tailMinimaBars(scratch: Float64Array, window: number, blockStart: number): void {
  const block = partAt(window, LOW_BLOCK);
  const tails = partAt(window, LOW_TAILS);
  const bars = partAt(window, LOW_TAIL_BARS);
  let extreme = Number.POSITIVE_INFINITY;
  let bar = blockStart + window;
  for (let j = window - 1; j >= 0; j--) {
    const v = scratch[block + j];
    bar = laterMinBar(v, blockStart + j, extreme, bar);
    extreme = laterMin(scratch, v, extreme);
    scratch[tails + j] = extreme;
    scratch[bars + j] = bar;
  }
}
