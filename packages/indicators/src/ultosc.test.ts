import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';
import { ultosc } from './ultosc.js';

describeWithSharedData('ultosc against TA-Lib', () => {
  it('matches ULTOSC(7, 14, 28) on a year of hourly BTC bars', () => {
    const { high, low, close } = goldenCandles();
    expectMatchesGolden(ultosc(high, low, close, 7, 14, 28), golden('ultosc_7_14_28'));
  });

  it('equals the textbook formula computed window by window', () => {
    const { high, low, close } = goldenCandles();
    const out = ultosc(high, low, close);
    const average = (i: number, period: number) => {
      let pressure = 0;
      let range = 0;
      for (let j = i - period + 1; j <= i; j++) {
        pressure += close[j] - Math.min(low[j], close[j - 1]);
        range += Math.max(high[j], close[j - 1]) - Math.min(low[j], close[j - 1]);
      }
      return pressure / range;
    };
    for (let i = 28; i < 2000; i += 37) {
      const expected = (100 * (4 * average(i, 7) + 2 * average(i, 14) + average(i, 28))) / 7;
      expect(out[i]).toBeCloseTo(expected, 8);
    }
  });

  it('sorts the periods as TA-Lib does: the shortest always gets weight 4', () => {
    const { high, low, close } = goldenCandles();
    expect(ultosc(high, low, close, 28, 7, 14)).toEqual(ultosc(high, low, close, 7, 14, 28));
  });
});

describe('ultosc', () => {
  it('is 0 on a flat market, where every true range is 0', () => {
    const flat = new Array(6).fill(3);
    expect(Array.from(ultosc(flat, flat, flat, 1, 2, 3)).slice(3)).toEqual([0, 0, 0]);
  });

  it('names the period it rejects', () => {
    expect(() => ultosc([1], [1], [1], 7, 0, 28)).toThrow(/^ultosc: period2 /);
    expect(() => ultosc([1], [1], [1], 7, 14, 2.5)).toThrow(/^ultosc: period3 /);
  });
});

describeBarConventions({
  name: 'ultosc',
  columns: ['high', 'low', 'close'],
  call: ([h, l, c], p) => ultosc(h, l, c, p, 14, 28),
  period: { name: 'period1', value: 7 },
});
