import { describe, expect, it } from 'vitest';
import { StratexError } from '../errors.js';
import { normalizeOutput } from '../output/normalize.js';
import type { Bars } from '../types.js';
import { runEngine } from './run.js';

const bars = {
  time: [0, 3_600_000, 7_200_000, 10_800_000],
  open: [100, 100, 110, 120],
  high: [101, 111, 121, 121],
  low: [99, 99, 109, 119],
  close: [100, 110, 120, 120],
};

describe('runEngine: inputs', () => {
  it('gives the same result for plain arrays and Float64Array candles', () => {
    const typed: Bars = Object.fromEntries(Object.entries(bars).map(([k, v]) => [k, Float64Array.from(v)])) as never;
    const output = { entries: [1, 0, 0, 0] };
    expect(runEngine(typed, output)).toEqual(runEngine(bars, output));
  });

  it('accepts an already normalised output', () => {
    const raw = { entries: [1, 0, 0, 0], exits: [0, 0, 1, 0] };
    expect(runEngine(bars, normalizeOutput(raw, 4)).trades).toEqual(runEngine(bars, raw).trades);
  });

  it('handles zero bars', () => {
    const empty = { time: [], open: [], high: [], low: [], close: [] };
    const run = runEngine(empty, { entries: [] });
    expect(run.trades).toEqual([]);
    expect(run.equity).toHaveLength(0);
  });

  it.each([
    ['a column of another length', { ...bars, high: [1, 2, 3] }, 'bars.high has 3 values'],
    ['a NaN price', { ...bars, low: [99, Number.NaN, 109, 119] }, 'bars.low[1] is NaN'],
    ['a price of 0', { ...bars, open: [100, 0, 110, 120] }, 'bars.open[1] is 0'],
    ['a missing column', { ...bars, close: undefined }, 'bars.close is missing'],
  ])('rejects %s as INVALID_REQUEST', (_what, bad, message) => {
    const call = () => runEngine(bad as unknown as typeof bars, { entries: [0, 0, 0, 0] });
    expect(call).toThrow(StratexError);
    expect(call).toThrow(message);
  });

  it.each([
    [{ cash: 0 }, 'cash'],
    [{ fee: -0.001 }, 'fee'],
    [{ slippage: 1 }, 'slippage'],
    [{ lotSize: Number.NaN }, 'lotSize'],
  ])('rejects option %o naming it', (options, name) => {
    try {
      runEngine(bars, { entries: [0, 0, 0, 0] }, options);
      expect.unreachable();
    } catch (err) {
      expect((err as StratexError).code).toBe('INVALID_REQUEST');
      expect((err as StratexError).details).toEqual({ option: name });
    }
  });

  it('still rejects a bad candle after a liquidation has stopped the loop', () => {
    const short = {
      time: [0, 1, 2, 3, 4],
      open: [100, 100, 250, 100, 100],
      high: [101, 101, 251, 101, 101],
      low: [99, 99, 249, 99, Number.NaN],
      close: [100, 100, 250, 100, 100],
    };
    expect(() => runEngine(short, { short_entries: [1, 0, 0, 0, 0] })).toThrow('bars.low[4] is NaN');
  });

  it('rejects a normalised output for another number of bars', () => {
    expect(() => runEngine(bars, normalizeOutput({ entries: [0, 0] }, 2))).toThrow('covers 2 bars but there are 4');
  });

  it('reports a bad strategy value as STRATEGY_ERROR with key and bar', () => {
    try {
      runEngine(bars, { entries: [0, 0, 3, 0] });
      expect.unreachable();
    } catch (err) {
      expect((err as StratexError).code).toBe('STRATEGY_ERROR');
      expect((err as StratexError).details).toEqual({ key: 'entries', bar: 2 });
    }
  });
});
