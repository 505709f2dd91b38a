import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { cci } from './cci.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('cci against TA-Lib', () => {
  it('matches CCI(20) on a year of hourly BTC bars', () => {
    const { high, low, close } = goldenCandles();
    expectMatchesGolden(cci(high, low, close, 20), golden('cci_20'));
  });
});

describe('cci', () => {
  it('divides the distance from the mean typical price by 0.015 times the mean absolute deviation', () => {
    // Typical prices 3, 6, 12: mean 7, mean absolute deviation (4 + 1 + 5) / 3.
    const out = cci([4, 7, 13], [2, 5, 11], [3, 6, 12], 3);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo((12 - 7) / (0.015 * (10 / 3)), 10);
  });

  it('keeps its running mean of the window from drifting over a long run, also after prices fall 1e6-fold', () => {
    const n = 20_000;
    const price = Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? 1e6 : 1) * (100 + 10 * Math.sin(i * 0.7)));
    const out = cci(price, price, price, 20);
    for (const i of [n / 2 - 1, n / 2 + 19, n / 2 + 1000, n - 1]) {
      const exact = resummedCci(price, i, 20);
      expect(Math.abs(out[i] - exact)).toBeLessThan(1e-9 * Math.max(1, Math.abs(exact)));
    }
  });

  it('gives 0 when all typical prices in the window are equal', () => {
    expect(cci([3, 3, 3], [1, 1, 1], [2, 2, 2], 2)[2]).toBe(0);
  });

  it('gives 0 in flat windows at any price, where the mean can miss the price by an ulp', () => {
    // Seeded prices across magnitudes; each held flat for 30 bars (h = l = c), as in a quiet market.
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    // 2000 stretches of 29 flat bars, each ended by a NaN bar so the next starts a new window.
    const flatBars = 29;
    const prices = new Float64Array(2000 * (flatBars + 1)).fill(Number.NaN);
    for (let k = 0; k < 2000; k++) {
      const start = k * (flatBars + 1);
      prices.fill(10 ** (next() * 8 - 3) * (1 + next()), start, start + flatBars);
    }
    const out = cci(prices, prices, prices, 20);
    const nonZero = Array.from(out).filter((v) => !Number.isNaN(v) && v !== 0);
    expect(nonZero).toEqual([]);
    expect(out.filter((v) => v === 0).length).toBe(2000 * (flatBars - 19));
  });
});

describeBarConventions({
  name: 'cci',
  columns: ['high', 'low', 'close'],
  call: ([h, l, c], p) => cci(h, l, c, p),
  period: { name: 'period', value: 20 },
});

/** CCI at bar i from the window re-summed from scratch (the reference for the running mean). */
function resummedCci(tp: Float64Array, i: number, period: number): number {
  const window = tp.subarray(i - period + 1, i + 1);
  const mean = window.reduce((a, b) => a + b, 0) / period;
  const deviation = window.reduce((a, b) => a + Math.abs(b - mean), 0) / period;
  return (tp[i] - mean) / (0.015 * deviation);
}
