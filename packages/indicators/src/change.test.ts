import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { mom, roc } from './change.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';
import { describeSeriesConventions } from './test-support/series-conventions.js';

describeWithSharedData('mom and roc against TA-Lib', () => {
  it('matches MOM(10)', () => {
    expectMatchesGolden(mom(goldenCandles().close, 10), golden('mom_10'));
  });

  it('matches ROC(10)', () => {
    expectMatchesGolden(roc(goldenCandles().close, 10), golden('roc_10'));
  });
});

describe('mom and roc', () => {
  it('compare with the value period bars back', () => {
    expect(Array.from(mom([10, 11, 15], 2))).toEqual([Number.NaN, Number.NaN, 5]);
    expect(Array.from(roc([10, 11, 15], 2))).toEqual([Number.NaN, Number.NaN, 50]);
  });

  it('roc is 0 when the earlier value is 0, as in TA-Lib', () => {
    expect(roc([0, 1], 1)[1]).toBe(0);
  });
});

describeSeriesConventions('mom', mom, 10);
describeSeriesConventions('roc', roc, 10);
