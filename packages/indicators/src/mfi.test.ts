import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { mfi } from './mfi.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('mfi against TA-Lib', () => {
  it('matches MFI(14) on a year of hourly BTC bars', () => {
    const { high, low, close, volume } = goldenCandles();
    expectMatchesGolden(mfi(high, low, close, volume, 14), golden('mfi_14'));
  });
});

describe('mfi', () => {
  it('is the share of money flow on bars whose typical price rose', () => {
    // Typical prices 10, 12, 11, 11, 13; flows tp * volume: 24 (up), 22 (down), 33 (unchanged), 13 (up).
    const tp = [10, 12, 11, 11, 13];
    const volume = [1, 2, 2, 3, 1];
    const out = mfi(tp, tp, tp, volume, 3);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeCloseTo((100 * 24) / (24 + 22), 12);
    expect(out[4]).toBeCloseTo((100 * 13) / (13 + 22), 12);
  });

  it('is 0 when the total flow is below 1, as TA-Lib does', () => {
    const tp = [10, 12, 11, 13];
    expect(mfi(tp, tp, tp, [0.01, 0.01, 0.01, 0.01], 2)[3]).toBe(0);
  });
});

describeBarConventions({
  name: 'mfi',
  columns: ['high', 'low', 'close', 'volume'],
  call: ([h, l, c, v], p) => mfi(h, l, c, v, p),
  period: { name: 'period', value: 14 },
});
