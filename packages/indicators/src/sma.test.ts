import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { sma } from './sma.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('sma against TA-Lib', () => {
  it('matches SMA(20) on a year of hourly BTC closes', () => {
    expectMatchesGolden(sma(goldenCandles().close, 20), golden('sma_20'));
  });
});

describe('sma', () => {
  it('averages the last period values, NaN during warm-up', () => {
    expect(Array.from(sma([1, 2, 3, 4, 5], 3))).toEqual([Number.NaN, Number.NaN, 2, 3, 4]);
  });

  it('is all NaN when the period is longer than the input', () => {
    expect(Array.from(sma([1, 2, 3], 4)).every(Number.isNaN)).toBe(true);
  });

  it('rejects a period that is not a positive integer, naming function and parameter', () => {
    expect(() => sma([1, 2, 3], 0)).toThrow(RangeError);
    expect(() => sma([1, 2, 3], -2)).toThrow(/sma: period/);
    expect(() => sma([1, 2, 3], 2.5)).toThrow(/sma: period/);
  });

  it('skips leading NaNs and restarts the warm-up after an interior NaN', () => {
    const out = Array.from(sma([Number.NaN, 1, 2, 3, Number.NaN, 4, 5, 6, 7], 2));
    expect(out).toEqual([Number.NaN, Number.NaN, 1.5, 2.5, Number.NaN, Number.NaN, 4.5, 5.5, 6.5]);
  });

  it('accepts a Float64Array and a plain array alike', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(sma(Float64Array.from(values), 3)).toEqual(sma(values, 3));
  });
});
