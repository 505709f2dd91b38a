import { describe, expect, it } from 'vitest';
import { computeByFiniteRun } from './by-finite-run.js';

const nan = Number.NaN;

/** A kernel that copies x from the second bar of each run on (a one-bar warm-up). */
function copyAfterFirst(x: Float64Array, outs: Float64Array[]) {
  return (start: number, end: number): number => {
    const first = Math.min(start + 1, end);
    for (const out of outs) for (let i = first; i < end; i++) out[i] = x[i];
    return first;
  };
}

describe('computeByFiniteRun', () => {
  it('leaves kernel values in place and NaN before, between, after runs and during warm-ups', () => {
    const x = Float64Array.from([nan, 1, 2, nan, 3, nan, nan, 4, 5, 6, nan]);
    const a = new Float64Array(x.length);
    const b = new Float64Array(x.length);
    computeByFiniteRun([x], [a, b], copyAfterFirst(x, [a, b]));
    const expected = [nan, nan, 2, nan, nan, nan, nan, nan, 5, 6, nan];
    expect(Array.from(a)).toEqual(expected);
    expect(Array.from(b)).toEqual(expected);
  });

  it('fills everything with NaN when no bar is finite', () => {
    const x = Float64Array.from([nan, Number.POSITIVE_INFINITY, nan]);
    const out = new Float64Array(3);
    computeByFiniteRun([x], [out], copyAfterFirst(x, [out]));
    expect(Array.from(out).every(Number.isNaN)).toBe(true);
  });
});
