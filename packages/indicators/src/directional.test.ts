import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { adx, minusDi, plusDi } from './directional.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('directional movement against TA-Lib', () => {
  it('matches PLUS_DI(14), MINUS_DI(14) and ADX(14) on a year of hourly BTC bars', () => {
    const { high, low, close } = goldenCandles();
    expectMatchesGolden(plusDi(high, low, close, 14), golden('plus_di_14'));
    expectMatchesGolden(minusDi(high, low, close, 14), golden('minus_di_14'));
    expectMatchesGolden(adx(high, low, close, 14), golden('adx_14'));
  });
});

describe('directional movement', () => {
  it('gives +DI 100, -DI 0 and ADX 100 for a steady rise with no overlap between bars', () => {
    const low = Array.from({ length: 12 }, (_, i) => 10 + 2 * i);
    const high = low.map((x) => x + 1);
    const close = low.map((x) => x + 1);
    // Each bar's true range (2) equals its +DM (2): the smoothed ratio is exactly 1.
    expect(plusDi(high, low, close, 3)[3]).toBe(100);
    expect(minusDi(high, low, close, 3)[3]).toBe(0);
    // ADX needs period DX values after the DI warm-up: first value at 2 * 3 - 1 = 5.
    expect(adx(high, low, close, 3)[4]).toBeNaN();
    expect(Array.from(adx(high, low, close, 3)).slice(5)).toEqual(new Array(7).fill(100));
  });

  it('is 0 on a flat market, where the true range is zero', () => {
    const flat = new Array(10).fill(5);
    expect(Array.from(plusDi(flat, flat, flat, 3)).slice(3)).toEqual(new Array(7).fill(0));
    expect(Array.from(minusDi(flat, flat, flat, 3)).slice(3)).toEqual(new Array(7).fill(0));
    expect(Array.from(adx(flat, flat, flat, 3)).slice(5)).toEqual(new Array(5).fill(0));
  });
});

for (const [name, fn] of [
  ['plusDi', plusDi],
  ['minusDi', minusDi],
  ['adx', adx],
] as const) {
  describeBarConventions({
    name,
    columns: ['high', 'low', 'close'],
    call: ([h, l, c], p) => fn(h, l, c, p),
    period: { name: 'period', value: 14 },
  });
}
