import { describe, expect, it } from 'vitest';
import {
  blockTails,
  blockTailsWithBars,
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
} from './rolling-extremes.js';

/** Small integers, so ties are frequent, with signed zeros among them. */
function sample(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = (s % 7) - 3 || (s % 2 ? -0 : 0);
  }
  return out;
}

/**
 * Each window's maximum and minimum, with the bar of each, driven as the kernels drive the blocks:
 * [highest, its bar, lowest, its bar] per bar.
 */
function rolling(values: Float64Array, window: number): number[][] {
  const scratch = highLowScratch(window);
  const [highBlock, highTails, highTailBars] = [HIGH_BLOCK, HIGH_TAILS, HIGH_TAIL_BARS].map((p) => partAt(window, p));
  const [lowBlock, lowTails, lowTailBars] = [LOW_BLOCK, LOW_TAILS, LOW_TAIL_BARS].map((p) => partAt(window, p));
  startBlocks(scratch, window);
  let headHigh = Number.NEGATIVE_INFINITY;
  let headLow = Number.POSITIVE_INFINITY;
  let headHighBar = 0;
  let headLowBar = 0;
  let k = 0;
  const found: number[][] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    scratch[highBlock + k] = v;
    scratch[lowBlock + k] = v;
    headHighBar = laterMaxBar(headHigh, headHighBar, v, i);
    headHigh = laterMax(scratch, headHigh, v);
    headLowBar = laterMinBar(headLow, headLowBar, v, i);
    headLow = laterMin(scratch, headLow, v);
    const [highTail, lowTail] = [scratch[highTails + k + 1], scratch[lowTails + k + 1]];
    found.push([
      laterMax(scratch, highTail, headHigh),
      laterMaxBar(highTail, scratch[highTailBars + k + 1], headHigh, headHighBar),
      laterMin(scratch, lowTail, headLow),
      laterMinBar(lowTail, scratch[lowTailBars + k + 1], headLow, headLowBar),
    ]);
    if (++k === window) {
      k = 0;
      headHigh = Number.NEGATIVE_INFINITY;
      headLow = Number.POSITIVE_INFINITY;
      blockTailsWithBars(scratch, window, i - window + 1);
    }
  }
  return found;
}

describe('rolling extremes in blocks', () => {
  it('give each window maximum and minimum, the latest bar on ties, signed zeros kept, as a full scan does', () => {
    const values = sample(3000, 42);
    for (const window of [1, 2, 3, 5, 8, 13, 15, 1500]) {
      const found = rolling(values, window);
      for (let i = 0; i < values.length; i++) {
        let hi = i;
        let lo = i;
        for (let j = i - 1; j > i - window && j >= 0; j--) {
          if (values[j] > values[hi]) hi = j;
          if (values[j] < values[lo]) lo = j;
        }
        const [highest, highBar, lowest, lowBar] = found[i];
        expect([highBar, lowBar]).toEqual([hi, lo]);
        expect(Object.is(highest, values[hi]) && Object.is(lowest, values[lo])).toBe(true);
      }
    }
  });

  it('blockTails gives the values of blockTailsWithBars', () => {
    const window = 9;
    const block = sample(window, 5);
    const withBars = highLowScratch(window);
    withBars.set(block, partAt(window, HIGH_BLOCK));
    withBars.set(block, partAt(window, LOW_BLOCK));
    const valuesOnly = withBars.slice();
    blockTailsWithBars(withBars, window, 100);
    blockTails(valuesOnly, window, partAt(window, LOW_BLOCK));
    for (const part of [HIGH_TAILS, LOW_TAILS]) {
      const at = partAt(window, part);
      expect(Array.from(valuesOnly.subarray(at, at + window))).toEqual(Array.from(withBars.subarray(at, at + window)));
    }
  });
});
