import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { goldenCandles } from './test-support/golden.js';
import { vwap } from './vwap.js';

const HOUR = 3_600_000;
const DAY_2022_01_01 = Date.UTC(2022, 0, 1);

describeWithSharedData('vwap on a year of hourly BTC bars', () => {
  it('equals, bar by bar, the ratio of sums over the same UTC calendar date up to that bar', () => {
    const { time, high, low, close, volume } = goldenCandles();
    const out = vwap(high, low, close, volume, time);
    // Independent grouping: by the ISO calendar date, summing each bar's day from scratch.
    const date = (i: number) => new Date(time[i]).toISOString().slice(0, 10);
    let dayStart = 0;
    for (let i = 0; i < time.length; i++) {
      if (date(i) !== date(dayStart)) dayStart = i;
      let pv = 0;
      let v = 0;
      for (let j = dayStart; j <= i; j++) {
        pv += ((high[j] + low[j] + close[j]) / 3) * volume[j];
        v += volume[j];
      }
      const expected = pv / v;
      expect(Math.abs(out[i] - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
    }
  });

  it("restarts at midnight: each day's first bar is its own typical price", () => {
    const { time, high, low, close, volume } = goldenCandles();
    const out = vwap(high, low, close, volume, time);
    for (let i = 0; i < time.length; i += 24) {
      expect(time[i] % 86_400_000).toBe(0);
      expect(out[i]).toBeCloseTo((high[i] + low[i] + close[i]) / 3, 9);
    }
  });
});

describe('vwap', () => {
  const high = [12, 13, 11, 15];
  const low = [9, 10, 8, 12];
  const close = [10.5, 12, 9.5, 13.5];
  const volume = [2, 1, 3, 1];
  // Typical prices 10.5, 11.667 (35/3), 9.5, 13.5.
  const time = [
    DAY_2022_01_01 + 22 * HOUR,
    DAY_2022_01_01 + 23 * HOUR,
    DAY_2022_01_01 + 24 * HOUR,
    DAY_2022_01_01 + 25 * HOUR,
  ];

  it('cumulates typical price times volume within a UTC day and restarts at 00:00 UTC', () => {
    const out = vwap(high, low, close, volume, time);
    expect(out[0]).toBeCloseTo(10.5, 12);
    expect(out[1]).toBeCloseTo((2 * 10.5 + 35 / 3) / 3, 12);
    expect(out[2]).toBeCloseTo(9.5, 12);
    expect(out[3]).toBeCloseTo((3 * 9.5 + 13.5) / 4, 12);
  });

  it('treats the whole series as one session when no timestamps are given', () => {
    const out = vwap(high, low, close, volume);
    expect(out[3]).toBeCloseTo((2 * 10.5 + 35 / 3 + 3 * 9.5 + 13.5) / 7, 12);
  });

  it('is NaN while the session has traded no volume yet', () => {
    const out = vwap(high, low, close, [0, 0, 3, 1], time);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(9.5, 12);
  });

  it('rejects timestamps of another length', () => {
    expect(() => vwap(high, low, close, volume, time.slice(1))).toThrow(/^vwap: .*same length/);
  });
});

describeBarConventions({
  name: 'vwap',
  columns: ['high', 'low', 'close', 'volume', 'time'],
  call: ([h, l, c, v, t]) => vwap(h, l, c, v, t),
});
