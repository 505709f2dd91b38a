import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { rsi } from './rsi.js';
import { sma } from './sma.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('rsi against TA-Lib', () => {
  it('matches RSI(14) on a year of hourly BTC closes', () => {
    expectMatchesGolden(rsi(goldenCandles().close, 14), golden('rsi_14'));
  });

  it('chains: sma of rsi equals sma over the finite part of rsi', () => {
    const r = rsi(goldenCandles().close, 14);
    const chained = sma(r, 10);
    const direct = sma(r.subarray(14), 10);
    expect(chained.subarray(0, 14).every(Number.isNaN)).toBe(true);
    expect(chained.subarray(14)).toEqual(direct);
    expect(Number.isFinite(chained[14 + 9])).toBe(true);
  });
});

describe('rsi', () => {
  it('is 100 for a steady rise, 0 for a steady fall and 0 for a flat line', () => {
    expect(rsi([1, 2, 3, 4, 5], 3)[4]).toBe(100);
    expect(rsi([5, 4, 3, 2, 1], 3)[4]).toBe(0);
    expect(rsi([2, 2, 2, 2, 2], 3)[4]).toBe(0);
  });

  it('needs period moves, so the first value is at index period', () => {
    const out = rsi([1, 2, 1, 2, 1, 2], 3);
    expect(Array.from(out.subarray(0, 3)).every(Number.isNaN)).toBe(true);
    expect(out[3]).toBeCloseTo((100 * 2) / 3, 12);
  });

  it('is all NaN when the input has no more than period values', () => {
    expect(Array.from(rsi([1, 2, 3], 3)).every(Number.isNaN)).toBe(true);
  });

  it('rejects a non-positive period with a RangeError naming rsi', () => {
    expect(() => rsi([1, 2, 3], 0)).toThrow(/rsi: period/);
  });

  it('skips leading NaNs and restarts after an interior NaN', () => {
    const out = rsi([Number.NaN, 1, 2, 3, Number.NaN, 3, 2, 1, 2], 2);
    expect(Array.from(out.subarray(0, 3)).every(Number.isNaN)).toBe(true);
    expect(out[3]).toBe(100);
    expect(Array.from(out.subarray(4, 7)).every(Number.isNaN)).toBe(true);
    expect(out[7]).toBe(0);
    expect(Number.isFinite(out[8])).toBe(true);
  });
});
