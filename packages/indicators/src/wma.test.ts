import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';
import { describeSeriesConventions } from './test-support/series-conventions.js';
import { wma } from './wma.js';

describeWithSharedData('wma against TA-Lib', () => {
  it('matches WMA(20) on a year of hourly BTC closes', () => {
    expectMatchesGolden(wma(goldenCandles().close, 20), golden('wma_20'));
  });
});

describe('wma', () => {
  it('weights the newest value most', () => {
    expect(Array.from(wma([1, 2, 3, 6], 3))).toEqual([Number.NaN, Number.NaN, 14 / 6, 26 / 6]);
  });

  it('returns the input itself for period 1', () => {
    expect(Array.from(wma([0.1, 0.7, 0.3], 1))).toEqual([0.1, 0.7, 0.3]);
  });
});

describeSeriesConventions('wma', wma, 20);
