import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { atr, natr } from './atr.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('atr and natr against TA-Lib', () => {
  it('match ATR(14) and NATR(14) on a year of hourly BTC bars', () => {
    const { high, low, close } = goldenCandles();
    expectMatchesGolden(atr(high, low, close, 14), golden('atr_14'));
    expectMatchesGolden(natr(high, low, close, 14), golden('natr_14'));
  });
});

describe('atr', () => {
  it('seeds with the mean true range of bars 1..period, then smooths with 1/period', () => {
    const high = [10, 12, 11, 15, 14];
    const low = [8, 9, 7, 10, 13];
    const close = [9, 11, 8, 14, 13.5];
    // True ranges of bars 1..4: max(3, 3, 0) = 3, max(4, 0, 4) = 4, max(5, 7, 2) = 7, max(1, 0, 1) = 1.
    const out = Array.from(atr(high, low, close, 2));
    expect(out).toEqual([Number.NaN, Number.NaN, 3.5, (3.5 + 7) / 2, ((3.5 + 7) / 2 + 1) / 2]);
    expect(natr(high, low, close, 2)[4]).toBeCloseTo((100 * (((3.5 + 7) / 2 + 1) / 2)) / 13.5, 12);
  });
});

for (const [name, fn] of [
  ['atr', atr],
  ['natr', natr],
] as const) {
  describeBarConventions({
    name,
    columns: ['high', 'low', 'close'],
    call: ([h, l, c], p) => fn(h, l, c, p),
    period: { name: 'period', value: 14 },
  });
}
