import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { rsi } from './rsi.js';
import { stochRsi } from './stoch-rsi.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('stochRsi against TA-Lib', () => {
  it('matches the charting Stoch RSI 14 14 3 3 (STOCH over RSI(14)) on a year of hourly BTC closes', () => {
    const out = stochRsi(goldenCandles().close, 14, 14, 3, 3);
    expectMatchesGolden(out.k, golden('stochrsi_14_14_3_3', 'k'));
    expectMatchesGolden(out.d, golden('stochrsi_14_14_3_3', 'd'));
  });

  it("has a k equal to TA-Lib STOCHRSI(14, 14, 3)'s fastd wherever both are defined", () => {
    const { k } = stochRsi(goldenCandles().close);
    const fastd = golden('stochrsi_14_14_3', 'fastd');
    const defined = fastd.map((x, i) => (x === null || Number.isNaN(k[i]) ? null : x));
    expect(defined.findIndex((x) => x !== null)).toBe(31);
    expectMatchesGolden(
      k.map((x, i) => (defined[i] === null ? Number.NaN : x)),
      defined,
    );
  });

  it('skips leading NaNs: the warm-up starts at the first finite close', () => {
    const close = goldenCandles().close.subarray(0, 600);
    const padded = new Float64Array(603).fill(Number.NaN);
    padded.set(close, 3);
    const out = stochRsi(padded);
    expect(out.k.subarray(3)).toEqual(stochRsi(close).k);
    expect(out.d.subarray(3)).toEqual(stochRsi(close).d);
  });

  it('restarts after an interior NaN in the closes', () => {
    const close = goldenCandles().close;
    const joined = new Float64Array(1401).fill(Number.NaN);
    joined.set(close.subarray(0, 700));
    joined.set(close.subarray(1000, 1700), 701);
    const out = stochRsi(joined);
    expect(out.d.subarray(0, 700)).toEqual(stochRsi(close.subarray(0, 700)).d);
    expect(out.k.subarray(701)).toEqual(stochRsi(close.subarray(1000, 1700)).k);
    expect(out.k.subarray(700, 701 + 31).every(Number.isNaN)).toBe(true);
  });
});

describe('stochRsi', () => {
  it('is the slow stochastic of the RSI with the RSI as high, low and close', () => {
    const x = [5, 6, 5.5, 7, 6.5, 8, 7, 7.5, 9, 8, 8.5, 10, 9.5];
    const r = Array.from(rsi(x, 3));
    const raw = r.map((v, i) => {
      if (i < 3 + 2) return Number.NaN;
      const window = r.slice(i - 2, i + 1);
      const lo = Math.min(...window);
      const hi = Math.max(...window);
      return hi === lo ? 0 : (100 * (v - lo)) / (hi - lo);
    });
    const k = raw.map((_, i) => (raw[i] + raw[i - 1]) / 2);
    const out = stochRsi(x, 3, 3, 2, 2);
    for (let i = 0; i < x.length; i++) {
      if (i < 7) {
        expect(out.k[i]).toBeNaN();
        continue;
      }
      expect(out.k[i]).toBeCloseTo(k[i], 10);
      expect(out.d[i]).toBeCloseTo((k[i] + k[i - 1]) / 2, 10);
    }
  });

  it('is all NaN when the input is shorter than the warm-up', () => {
    const out = stochRsi([1, 2, 3, 2, 1], 3, 3, 2, 2);
    expect(Array.from(out.k).every(Number.isNaN)).toBe(true);
  });

  it('rejects bad periods naming the parameter, and accepts plain arrays', () => {
    expect(() => stochRsi([1, 2, 3], 0)).toThrow(/^stochRsi: rsiPeriod /);
    expect(() => stochRsi([1, 2, 3], 14, -1)).toThrow(/^stochRsi: stochPeriod /);
    expect(() => stochRsi([1, 2, 3], 14, 14, 2.5)).toThrow(/^stochRsi: kSmooth /);
    expect(() => stochRsi([1, 2, 3], 14, 14, 3, 0)).toThrow(/^stochRsi: dSmooth /);
    const x = [5, 6, 5.5, 7, 6.5, 8, 7, 7.5, 9, 8, 8.5, 10, 9.5];
    expect(stochRsi(x, 3, 3, 2, 2)).toEqual(stochRsi(Float64Array.from(x), 3, 3, 2, 2));
  });
});
