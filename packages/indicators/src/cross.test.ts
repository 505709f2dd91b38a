import { describe, expect, it } from 'vitest';
import { crossAbove, crossBelow } from './cross.js';

const nan = Number.NaN;

describe('crossAbove', () => {
  it('marks the bar where a goes from at-or-below b to above it', () => {
    expect(Array.from(crossAbove([1, 2, 3, 2, 4], [2, 2, 2, 2, 2]))).toEqual([0, 0, 1, 0, 1]);
  });

  it('counts touching then rising as a cross, and never marks bar 0', () => {
    expect(Array.from(crossAbove([5, 2, 3], [1, 2, 2]))).toEqual([0, 0, 1]);
  });

  it('needs all four values finite', () => {
    expect(Array.from(crossAbove([nan, 3], [2, 2]))).toEqual([0, 0]);
    expect(Array.from(crossAbove([1, 3], [nan, 2]))).toEqual([0, 0]);
    expect(Array.from(crossAbove([1, nan, 3], [2, 2, 2]))).toEqual([0, 0, 0]);
    expect(Array.from(crossAbove([1, Number.POSITIVE_INFINITY], [2, 2]))).toEqual([0, 0]);
  });

  it('returns a Uint8Array aligned to the inputs and accepts typed or plain arrays', () => {
    const out = crossAbove(Float64Array.from([1, 3]), [2, 2]);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Array.from(out)).toEqual([0, 1]);
  });

  it('rejects inputs of different lengths', () => {
    expect(() => crossAbove([1, 2], [1])).toThrow(/crossAbove: inputs must have the same length/);
  });
});

describe('crossBelow', () => {
  it('marks the bar where a goes from at-or-above b to below it', () => {
    expect(Array.from(crossBelow([3, 2, 1, 2, 0], [2, 2, 2, 2, 2]))).toEqual([0, 0, 1, 0, 1]);
  });

  it('needs all four values finite', () => {
    expect(Array.from(crossBelow([3, nan, 1], [2, 2, 2]))).toEqual([0, 0, 0]);
  });

  it('is crossAbove with the arguments swapped', () => {
    const a = [1, 4, 2, 5, 1, 1, 3];
    const b = [2, 2, 3, 3, 1, 2, 2];
    expect(crossBelow(a, b)).toEqual(crossAbove(b, a));
  });
});
