import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { bollinger } from './bollinger.js';
import { sma } from './sma.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('bollinger against TA-Lib', () => {
  it('matches BBANDS(20, 2, 2, SMA): upper, middle and lower', () => {
    const bands = bollinger(goldenCandles().close, 20, 2);
    expectMatchesGolden(bands.upper, golden('bbands_20_2_2', 'upper'));
    expectMatchesGolden(bands.middle, golden('bbands_20_2_2', 'middle'));
    expectMatchesGolden(bands.lower, golden('bbands_20_2_2', 'lower'));
  });

  it('differs from TA-Lib only by rounding: Σx² × (1/n) instead of Σx² / n', () => {
    // One ulp of Σx²/n is ~6e-8 at 2022's prices, and the one-pass variance subtracts two numbers of that
    // size, so a band moves by up to ~7.5e-9 (4.5e-13 relative): the size of TA-Lib's own rounding.
    const bands = bollinger(goldenCandles().close, 20, 2);
    expectMatchesGolden(bands.upper, golden('bbands_20_2_2', 'upper'), 1e-12);
    expectMatchesGolden(bands.lower, golden('bbands_20_2_2', 'lower'), 1e-12);
  });

  it('has the SMA as its middle band, bit for bit', () => {
    const close = goldenCandles().close;
    expect(bollinger(close, 20, 2).middle).toEqual(sma(close, 20));
  });

  it('restarts after an interior NaN', () => {
    const close = Float64Array.from(goldenCandles().close.subarray(0, 300));
    close[100] = Number.NaN;
    const bands = bollinger(close, 20, 2);
    expect(bands.upper.subarray(100, 120).every(Number.isNaN)).toBe(true);
    expect(bands.upper[120]).toEqual(bollinger(close.subarray(101), 20, 2).upper[19]);
  });
});

describe('bollinger', () => {
  it('collapses to the mean on a flat series', () => {
    const bands = bollinger([5, 5, 5], 3, 2);
    expect([bands.lower[2], bands.middle[2], bands.upper[2]]).toEqual([5, 5, 5]);
  });

  it('rejects a bad period or deviation multiplier', () => {
    expect(() => bollinger([1, 2, 3], 0, 2)).toThrow(/bollinger: period/);
    expect(() => bollinger([1, 2, 3], 2, -1)).toThrow(/bollinger: deviations/);
  });

  it('is all NaN when the period is longer than the input', () => {
    expect(Array.from(bollinger([1, 2], 3).middle).every(Number.isNaN)).toBe(true);
  });
});
