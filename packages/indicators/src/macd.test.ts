import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { macd } from './macd.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';

describeWithSharedData('macd against TA-Lib', () => {
  it('matches MACD(12, 26, 9): macd, signal and histogram', () => {
    const out = macd(goldenCandles().close, 12, 26, 9);
    expectMatchesGolden(out.macd, golden('macd_12_26_9', 'macd'));
    expectMatchesGolden(out.signal, golden('macd_12_26_9', 'signal'));
    expectMatchesGolden(out.histogram, golden('macd_12_26_9', 'hist'));
  });

  it('defaults to 12, 26, 9 and swaps a fast period longer than the slow one, as TA-Lib does', () => {
    const close = goldenCandles().close.subarray(0, 300);
    expect(macd(close)).toEqual(macd(close, 12, 26, 9));
    expect(macd(close, 26, 12, 9)).toEqual(macd(close, 12, 26, 9));
  });

  it('restarts all three lines after an interior NaN', () => {
    const close = goldenCandles().close;
    const joined = new Float64Array(401);
    joined.set(close.subarray(0, 200));
    joined[200] = Number.NaN;
    joined.set(close.subarray(500, 700), 201);
    const out = macd(joined);
    const after = macd(close.subarray(500, 700));
    expect(out.signal.subarray(201)).toEqual(after.signal);
    expect(out.histogram.subarray(200, 201 + 33).every(Number.isNaN)).toBe(true);
  });
});

describe('macd', () => {
  it('is all NaN until slow + signal - 1 values exist', () => {
    const x = Array.from({ length: 33 }, (_, i) => 100 + i);
    expect(Array.from(macd(x).macd).every(Number.isNaN)).toBe(true);
    expect(Number.isFinite(macd([...x, 140]).macd[33])).toBe(true);
  });

  it('rejects a bad period naming the parameter', () => {
    expect(() => macd([1, 2, 3], 12, 0, 9)).toThrow(/macd: slow/);
    expect(() => macd([1, 2, 3], 12, 26, 1.5)).toThrow(/macd: signal/);
  });
});
