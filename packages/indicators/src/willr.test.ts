import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';
import { willr } from './willr.js';

describeWithSharedData('willr against TA-Lib', () => {
  it('matches WILLR(14) on a year of hourly BTC bars', () => {
    const { high, low, close } = goldenCandles();
    expectMatchesGolden(willr(high, low, close, 14), golden('willr_14'));
  });
});

describe('willr', () => {
  it('gives the same numbers when high, low and close are one array (its one-series kernel) as for copies', () => {
    const values = Float64Array.from({ length: 300 }, (_, i) =>
      i === 120 ? Number.NaN : 50 + 20 * Math.sin(i * 0.9) + (i % 7),
    );
    const same = willr(values, values, values, 14);
    expect(Array.from(same)).toEqual(Array.from(willr(values.slice(), values.slice(), values.slice(), 14)));
    expect(same.filter(Number.isFinite).length).toBeGreaterThan(200);
  });

  it('is -100 * (highest high - close) / (highest high - lowest low) over the window', () => {
    const out = willr([10, 12, 11], [8, 9, 7], [9, 10, 8], 3);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo((-100 * (12 - 8)) / (12 - 7), 12);
    expect(willr([10, 12], [8, 9], [9, 12], 2)[1]).toBeCloseTo(0, 12);
    expect(willr([10, 12], [8, 9], [9, 8], 2)[1]).toBeCloseTo(-100, 12);
  });

  it('gives 0 when the range is 0, as TA-Lib does', () => {
    expect(willr([5, 5, 5], [5, 5, 5], [5, 5, 5], 2)[2]).toBe(0);
  });
});

describeBarConventions({
  name: 'willr',
  columns: ['high', 'low', 'close'],
  call: ([h, l, c], p) => willr(h, l, c, p),
  period: { name: 'period', value: 14 },
});
