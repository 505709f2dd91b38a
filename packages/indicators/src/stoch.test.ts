import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { sma } from './sma.js';
import { stoch } from './stoch.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('stoch against TA-Lib', () => {
  it('matches STOCH(14, 3, 3) slowk and slowd on a year of hourly BTC bars', () => {
    const { high, low, close } = goldenCandles();
    const out = stoch(high, low, close, 14, 3, 3);
    expectMatchesGolden(out.k, golden('stoch_14_3_3', 'slowk'));
    expectMatchesGolden(out.d, golden('stoch_14_3_3', 'slowd'));
  });

  it('defaults to 14, 3, 3', () => {
    const { high, low, close } = goldenCandles();
    expect(stoch(high, low, close)).toEqual(stoch(high, low, close, 14, 3, 3));
  });
});

describe('stoch', () => {
  it('averages raw %K into k and k into d, both starting where d starts', () => {
    const high = [10, 11, 12, 11, 13, 12];
    const low = [8, 9, 10, 9, 10, 10];
    const close = [9, 10, 11, 10, 12, 11];
    // Raw %K over 2 bars: bar 1 (10-8)/(11-8), bar 2 (11-9)/(12-9), bar 3 (10-9)/(12-9), bar 4 (12-9)/(13-9), bar 5 (11-10)/(13-10).
    const raw = [2 / 3, 2 / 3, 1 / 3, 3 / 4, 1 / 3].map((x) => 100 * x);
    const k = [(raw[0] + raw[1]) / 2, (raw[1] + raw[2]) / 2, (raw[2] + raw[3]) / 2, (raw[3] + raw[4]) / 2];
    const out = stoch(high, low, close, 2, 2, 2);
    expect(out.k[2]).toBeNaN();
    expect(out.d[2]).toBeNaN();
    [3, 4, 5].forEach((i) => {
      expect(out.k[i]).toBeCloseTo(k[i - 2], 12);
      expect(out.d[i]).toBeCloseTo((k[i - 3] + k[i - 2]) / 2, 12);
    });
  });

  it('gives 0 when the high-low range is 0, as TA-Lib does', () => {
    const flat = new Array(8).fill(7);
    expect(Array.from(stoch(flat, flat, flat, 3, 2, 2).k).slice(4)).toEqual([0, 0, 0, 0]);
  });

  it('is sma(raw %K) and sma of that, bit for bit, across gaps and a raw %K that overflows', () => {
    const n = 400;
    const high = new Float64Array(n);
    const low = new Float64Array(n);
    const close = new Float64Array(n);
    let price = 100;
    for (let i = 0; i < n; i++) {
      price += Math.sin(i * 0.7) * 3 + Math.cos(i * 1.3);
      [high[i], low[i], close[i]] = [price + 2 + (i % 3), price - 1 - (i % 5), price + (i % 4) - 1.5];
    }
    high[50] = Number.NaN;
    close[51] = Number.NaN;
    // close - low and the range overflow to Infinity at bar 200: its raw %K is NaN (sma() restarts there).
    [high[200], low[200], close[200]] = [1.7e308, -1.7e308, 1.7e308];
    for (const [kPeriod, kSmooth, dSmooth] of [
      [14, 3, 3],
      [5, 1, 4],
      [3, 6, 2],
    ]) {
      const raw = new Float64Array(n).fill(Number.NaN);
      let runStart = 0;
      for (let i = 0; i < n; i++) {
        if (!(Number.isFinite(high[i]) && Number.isFinite(low[i]) && Number.isFinite(close[i]))) runStart = i + 1;
        else if (i - runStart + 1 >= kPeriod) {
          const hi = Math.max(...high.subarray(i - kPeriod + 1, i + 1));
          const lo = Math.min(...low.subarray(i - kPeriod + 1, i + 1));
          const range = (hi - lo) / 100;
          raw[i] = range !== 0 ? (close[i] - lo) / range : 0;
        }
      }
      const k = sma(raw, kSmooth);
      const d = sma(k, dSmooth);
      for (let i = 0; i < n; i++) if (Number.isNaN(d[i])) k[i] = Number.NaN;
      const out = stoch(high, low, close, kPeriod, kSmooth, dSmooth);
      expect(Array.from(out.k)).toEqual(Array.from(k));
      expect(Array.from(out.d)).toEqual(Array.from(d));
      expect(out.k.slice(190, 230).some(Number.isNaN)).toBe(true);
    }
  });

  it('names the smoothing parameter it rejects', () => {
    expect(() => stoch([1], [1], [1], 14, 0, 3)).toThrow(/^stoch: kSmooth /);
    expect(() => stoch([1], [1], [1], 14, 3, 1.5)).toThrow(/^stoch: dSmooth /);
  });
});

describeBarConventions({
  name: 'stoch',
  columns: ['high', 'low', 'close'],
  call: ([h, l, c], p) => stoch(h, l, c, p, 3, 3),
  period: { name: 'kPeriod', value: 14 },
});
