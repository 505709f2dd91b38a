/**
 * Test support (not built): the NaN and period conventions of CONTRACT.md section 7 that every
 * single-series indicator `fn(values, period)` must follow, checked on real closes.
 */
import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../../testing/shared-data.js';
import { goldenCandles } from './golden.js';

type SeriesIndicator = (values: ArrayLike<number>, period: number) => Float64Array;

const nan = Number.NaN;

function concat(...parts: ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Defines tests for `name` called as fn(values, period) with the given period on real closes. */
export function describeSeriesConventions(name: string, fn: SeriesIndicator, period: number): void {
  describe(`${name} period checks`, () => {
    it('is all NaN when the period is longer than the input', () => {
      const out = fn([1, 2, 3, 4, 5], 6);
      expect(out).toHaveLength(5);
      expect(Array.from(out).every(Number.isNaN)).toBe(true);
    });

    it('rejects a zero, negative or fractional period with a RangeError naming the function', () => {
      for (const bad of [0, -1, 2.5, Number.NaN]) {
        expect(() => fn([1, 2, 3], bad)).toThrow(RangeError);
        expect(() => fn([1, 2, 3], bad)).toThrow(new RegExp(`^${name}: period`));
      }
    });
  });

  describeWithSharedData(`${name} NaN handling`, () => {
    it('skips leading NaNs: the warm-up starts at the first finite value', () => {
      const close = goldenCandles().close.subarray(0, 600);
      const out = fn(concat([nan, nan, nan], close), period);
      expect(Array.from(out.subarray(0, 3)).every(Number.isNaN)).toBe(true);
      expect(out.subarray(3)).toEqual(fn(close, period));
    });

    it('restarts the warm-up after an interior NaN', () => {
      const close = goldenCandles().close;
      const before = close.subarray(0, 700);
      const after = close.subarray(1000, 1700);
      const out = fn(concat(before, [nan], after), period);
      expect(out.subarray(0, 700)).toEqual(fn(before, period));
      expect(out[700]).toBeNaN();
      expect(out.subarray(701)).toEqual(fn(after, period));
    });

    it('accepts a plain array and gives the same numbers as for a Float64Array', () => {
      const close = goldenCandles().close.subarray(0, 400);
      expect(fn(Array.from(close), period)).toEqual(fn(close, period));
    });
  });
}
