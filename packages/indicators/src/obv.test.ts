import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { obv } from './obv.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('obv against TA-Lib', () => {
  it('matches OBV on a year of hourly BTC bars', () => {
    const { close, volume } = goldenCandles();
    expectMatchesGolden(obv(close, volume), golden('obv'));
  });
});

describe('obv', () => {
  it('starts at the first volume, adds on a rise, subtracts on a fall, holds when unchanged', () => {
    expect(Array.from(obv([10, 11, 11, 9, 12], [5, 3, 7, 2, 4]))).toEqual([5, 8, 8, 6, 10]);
  });
});

describeBarConventions({ name: 'obv', columns: ['close', 'volume'], call: ([c, v]) => obv(c, v) });
