import { describe, expect, it } from 'vitest';
import {
  highLowBlocks,
  laterMax,
  laterMaxBar,
  laterMin,
  laterMinBar,
  tailMaxima,
  tailMaximaBars,
  tailMinima,
  tailMinimaBars,
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
  const [pick, highBlock, highTails, lowBlock, lowTails, highTailBars, lowTailBars] = highLowBlocks(window);
  highTails.fill(Number.NEGATIVE_INFINITY);
  lowTails.fill(Number.POSITIVE_INFINITY);
  let headHigh = Number.NEGATIVE_INFINITY;
  let headLow = Number.POSITIVE_INFINITY;
  let headHighBar = 0;
  let headLowBar = 0;
  let k = 0;
  const found: number[][] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    highBlock[k] = v;
    lowBlock[k] = v;
    headHighBar = laterMaxBar(headHigh, headHighBar, v, i);
    headHigh = laterMax(pick, headHigh, v);
    headLowBar = laterMinBar(headLow, headLowBar, v, i);
    headLow = laterMin(pick, headLow, v);
    found.push([
      laterMax(pick, highTails[k + 1], headHigh),
      laterMaxBar(highTails[k + 1], highTailBars[k + 1], headHigh, headHighBar),
      laterMin(pick, lowTails[k + 1], headLow),
      laterMinBar(lowTails[k + 1], lowTailBars[k + 1], headLow, headLowBar),
    ]);
    if (++k === window) {
      k = 0;
      headHigh = Number.NEGATIVE_INFINITY;
      headLow = Number.POSITIVE_INFINITY;
      tailMaximaBars(pick, highBlock, highTails, highTailBars, i - window + 1);
      tailMinimaBars(pick, lowBlock, lowTails, lowTailBars, i - window + 1);
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

  it('tailMaxima and tailMinima give the values of the bar variants', () => {
    const block = sample(9, 5);
    const [pick] = highLowBlocks(9);
    const [tails, tailsOfBars, bars] = [new Float64Array(10), new Float64Array(10), new Float64Array(10)];
    tailMaxima(pick, block, tails);
    tailMaximaBars(pick, block, tailsOfBars, bars, 100);
    expect(Array.from(tails)).toEqual(Array.from(tailsOfBars));
    tailMinima(pick, block, tails);
    tailMinimaBars(pick, block, tailsOfBars, bars, 100);
    expect(Array.from(tails)).toEqual(Array.from(tailsOfBars));
  });
});
