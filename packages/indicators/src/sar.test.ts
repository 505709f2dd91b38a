import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { sar } from './sar.js';
import { describeBarConventions } from './test-support/bar-conventions.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('sar against TA-Lib', () => {
  it('matches SAR(0.02, 0.2) on a year of hourly BTC bars', () => {
    const { high, low } = goldenCandles();
    expectMatchesGolden(sar(high, low, 0.02, 0.2), golden('sar_0.02_0.2'));
  });

  it('defaults to 0.02 and 0.2', () => {
    const { high, low } = goldenCandles();
    expect(sar(high, low)).toEqual(sar(high, low, 0.02, 0.2));
  });
});

describe('sar', () => {
  it('trails a long trend, accelerates on new highs, and reverses at the extreme point', () => {
    const high = [10, 11, 12, 11.5, 11, 12];
    const low = [9, 10, 11, 9.1, 9, 10];
    const out = sar(high, low);
    expect(out[0]).toBeNaN();
    // Bar 1 starts long (no -DM): SAR = bar 0's low, EP = bar 1's high.
    expect(out[1]).toBe(9);
    expect(out[2]).toBeCloseTo(9 + 0.02 * (11 - 9), 12);
    // Bar 3's low crosses the SAR (9 + 0.02 * 2 then + 0.04 * (12 - 9.04)): short, SAR = the EP 12.
    expect(out[3]).toBe(12);
    expect(out[4]).toBe(12);
    // Bar 5's high crosses 12 + 0.04 * (9 - 12): long again at the short EP 9.
    expect(out[5]).toBe(9);
  });

  it("starts short when bar 1's low falls further than its high rises", () => {
    const out = sar([10, 9.8, 9.5], [9, 8, 7.5]);
    expect(out[1]).toBe(10);
    expect(out[2]).toBeCloseTo(10 + 0.02 * (8 - 10), 12);
  });

  it('caps the acceleration factor at the maximum', () => {
    const low = Array.from({ length: 40 }, (_, i) => 100 + i);
    const high = low.map((x) => x + 1);
    const out = sar(high, low, 0.1, 0.2);
    // After the cap, each step closes 20% of the gap to the EP (the previous bar's high).
    const i = 30;
    expect(out[i + 1]).toBeCloseTo(out[i] + 0.2 * (high[i] - out[i]), 9);
  });

  it('rejects a non-positive acceleration or maximum, naming it', () => {
    expect(() => sar([1, 2], [0, 1], 0)).toThrow(/^sar: acceleration /);
    expect(() => sar([1, 2], [0, 1], 0.02, -1)).toThrow(/^sar: maximum /);
  });
});

describeBarConventions({ name: 'sar', columns: ['high', 'low'], call: ([h, l]) => sar(h, l) });
