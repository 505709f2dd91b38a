import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { ema } from './ema.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';
import { describeSeriesConventions } from './test-support/series-conventions.js';

describeWithSharedData('ema against TA-Lib', () => {
  it('matches EMA(20) on a year of hourly BTC closes', () => {
    expectMatchesGolden(ema(goldenCandles().close, 20), golden('ema_20'));
  });
});

describe('ema', () => {
  it('is seeded with the SMA of the first period values, then smooths with 2/(period+1)', () => {
    const out = ema([2, 4, 6, 12], 3);
    expect(out[2]).toBe(4);
    expect(out[3]).toBe(4 + (12 - 4) * 0.5);
  });
});

describeSeriesConventions('ema', ema, 20);
