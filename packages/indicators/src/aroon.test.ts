import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { aroon } from './aroon.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('aroon against TA-Lib', () => {
  it('matches AROON(14) down and up on a year of hourly BTC bars', () => {
    const { high, low } = goldenCandles();
    const out = aroon(high, low, 14);
    expectMatchesGolden(out.down, golden('aroon_14', 'down'));
    expectMatchesGolden(out.up, golden('aroon_14', 'up'));
  });
});

describe('aroon', () => {
  it('measures bars since the extreme over period + 1 bars, the latest of tied extremes counting', () => {
    const high = [5, 9, 7, 9, 6, 4];
    const low = [1, 0, 2, 3, 0, 5];
    const out = aroon(high, low, 4);
    expect(out.up[3]).toBeNaN();
    // Bar 4 sees bars 0..4: highs 9 at bars 1 and 3 (latest: 1 bar ago), low 0 at bars 1 and 4 (latest: now).
    expect(out.up[4]).toBe(75);
    expect(out.down[4]).toBe(100);
    // Bar 5 sees bars 1..5: high 9 latest at bar 3 (2 bars ago), low 0 at bar 4 (1 bar ago).
    expect(out.up[5]).toBe(50);
    expect(out.down[5]).toBe(75);
  });

  it('reaches 0 when the extreme is the oldest bar of the window', () => {
    const out = aroon([9, 8, 7, 6], [1, 2, 3, 4], 3);
    expect(out.up[3]).toBe(0);
    expect(out.down[3]).toBe(0);
  });
});

describeBarConventions({
  name: 'aroon',
  columns: ['high', 'low'],
  call: ([h, l], p) => aroon(h, l, p),
  period: { name: 'period', value: 14 },
});
