/**
 * Rolling maxima and minima of the last `window` bars in O(1) per bar and without data-dependent
 * branches (van Herk / Gil–Werman). The bars of a run are cut into blocks of `window` bars; the window
 * ending at bar i (offset k in its block) is the tail of the previous block, from offset k + 1, followed
 * by the head of i's block, up to offset k. The kernel keeps the extreme of its block's head in a local;
 * at each block's end, blockTails computes the extremes of the block's tails for the next one.
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

/**
 * `later` if it is at least `earlier`, else `earlier`, without a branch: choose (choose.ts) written out,
 * with its two slots at the start of `pick`. Each call of an imported function checks, in optimised code,
 * that the import still holds that function, and a call inside a call checks twice.
 */
export function laterMax(pick: Float64Array, earlier: number, later: number): number {
  pick[0] = earlier;
  pick[1] = later;
  return pick[Number(later >= earlier)];
}

/** `later` if it is at most `earlier`, else `earlier`, without a branch (see laterMax). */
export function laterMin(pick: Float64Array, earlier: number, later: number): number {
  pick[0] = earlier;
  pick[1] = later;
  return pick[Number(later <= earlier)];
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
 * At the end of a block, its tails' extremes for the next block's windows: the maximum of the high block's
 * values from offset j on (later bars winning ties) goes to the high tails at j, and the minimum of the
 * values at `lowBlock` (the low block, or the high block when highs and lows are one series) to the low
 * tails, for j < window. One loop for both: its two chains of choices overlap, and the loop's exit,
 * mispredicted once per block, is paid once.
 */
export function blockTails(scratch: Float64Array, window: number, lowBlock: number): void {
  const highBlock = partAt(window, HIGH_BLOCK);
  const highTails = partAt(window, HIGH_TAILS);
  const lowTails = partAt(window, LOW_TAILS);
  let highest = Number.NEGATIVE_INFINITY;
  let lowest = Number.POSITIVE_INFINITY;
  for (let j = window - 1; j >= 0; j--) {
    highest = laterMax(scratch, scratch[highBlock + j], highest);
    scratch[highTails + j] = highest;
    lowest = laterMin(scratch, scratch[lowBlock + j], lowest);
    scratch[lowTails + j] = lowest;
  }
}

/** As blockTails, also the bar of each tail's extreme in the tail-bars parts (the block's first bar is `blockStart`). */
export function blockTailsWithBars(scratch: Float64Array, window: number, blockStart: number): void {
  const highBlock = partAt(window, HIGH_BLOCK);
  const highTails = partAt(window, HIGH_TAILS);
  const highBars = partAt(window, HIGH_TAIL_BARS);
  const lowBlock = partAt(window, LOW_BLOCK);
  const lowTails = partAt(window, LOW_TAILS);
  const lowBars = partAt(window, LOW_TAIL_BARS);
  let highest = Number.NEGATIVE_INFINITY;
  let lowest = Number.POSITIVE_INFINITY;
  let highBar = blockStart + window;
  let lowBar = highBar;
  for (let j = window - 1; j >= 0; j--) {
    const high = scratch[highBlock + j];
    const low = scratch[lowBlock + j];
    highBar = laterMaxBar(high, blockStart + j, highest, highBar);
    highest = laterMax(scratch, high, highest);
    lowBar = laterMinBar(low, blockStart + j, lowest, lowBar);
    lowest = laterMin(scratch, low, lowest);
    scratch[highTails + j] = highest;
    scratch[highBars + j] = highBar;
    scratch[lowTails + j] = lowest;
    scratch[lowBars + j] = lowBar;
  }
}
