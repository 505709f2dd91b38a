import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { kama } from './kama.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';
import { describeSeriesConventions } from './test-support/series-conventions.js';

describeWithSharedData('kama against TA-Lib', () => {
  it('matches KAMA(30) on a year of hourly BTC closes', () => {
    expectMatchesGolden(kama(goldenCandles().close, 30), golden('kama_30'));
  });
});

describe('kama', () => {
  it('moves with the fastest constant (2/3)² on a perfectly efficient trend', () => {
    const out = kama([1, 2, 3, 4], 3);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeCloseTo(3 + (4 - 3) * (2 / 3) ** 2, 14);
  });

  it('stays put on a flat series', () => {
    expect(kama([7, 7, 7, 7, 7], 2)[4]).toBe(7);
  });
});

describeSeriesConventions('kama', kama, 30);
