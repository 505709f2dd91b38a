import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { stddev } from './stddev.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';
import { describeSeriesConventions } from './test-support/series-conventions.js';

describeWithSharedData('stddev against TA-Lib', () => {
  it('matches STDDEV(20, 1) to 1e-9 by using the same running-sum formula', () => {
    expectMatchesGolden(stddev(goldenCandles().close, 20), golden('stddev_20_1'));
  });
});

describe('stddev', () => {
  it('is the population standard deviation (divides by n)', () => {
    expect(stddev([2, 4, 4, 4, 5, 5, 7, 9], 8)[7]).toBe(2);
  });

  it('is 0, not NaN, on a flat series', () => {
    expect(stddev([3, 3, 3, 3], 3)[3]).toBe(0);
  });
});

describeSeriesConventions('stddev', stddev, 20);
