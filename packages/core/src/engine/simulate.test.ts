import { describe, expect, it } from 'vitest';
import { describeWithSharedData, readSharedCsv } from '../../../../testing/shared-data.js';
import { runEngine } from './run.js';
import { simulate } from './simulate.js';

const bars = {
  time: [0, 3_600_000, 7_200_000, 10_800_000, 14_400_000, 18_000_000],
  open: [100, 100, 100, 105, 110, 109],
  high: [101, 102, 106, 111, 112, 110],
  low: [99, 99, 99, 104, 108, 107],
  close: [100, 101, 105, 110, 109, 108],
};
const output = { entries: [0, 1, 0, 0, 0, 0], exits: [0, 0, 0, 1, 0, 0] };

describe('simulate', () => {
  it('returns the engine run with plain-array equity, drawdown and metrics', () => {
    const result = simulate(bars, output);
    const run = runEngine(bars, output);
    expect(result.trades).toEqual(run.trades);
    expect(result.signals).toEqual(run.signals);
    expect(result.equity.time).toEqual(bars.time);
    expect(result.equity.equity).toEqual(Array.from(run.equity));
    expect(Array.isArray(result.equity.equity)).toBe(true);
    // Peak 11000 at bar 3 is never lost: every drawdown point is 0.
    expect(result.equity.drawdownPct).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.metrics.equityFinal).toBe(11_000);
    expect(result.metrics.trades).toBe(1);
  });
});

describeWithSharedData('simulate on kraken BTCUSD 1h 2022', () => {
  it('gives a JSON-safe result whose final equity is cash plus the trades', () => {
    const candles = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
    const n = candles.close.length;
    const entries = Uint8Array.from({ length: n }, (_, i) => (i % 97 === 0 ? 1 : 0));
    const shortEntries = Uint8Array.from({ length: n }, (_, i) => (i % 97 === 50 ? 1 : 0));
    const result = simulate(
      candles,
      { entries, short_entries: shortEntries, stop_loss: 0.03, trailing_stop: 0.05 },
      { fee: 0.001 },
    );
    // JSON.stringify would silently turn NaN/Infinity into null: check every number is finite instead.
    const numbers = [
      ...result.trades.flatMap((t) => Object.values(t)),
      ...result.signals.flatMap((s) => Object.values(s)),
      ...result.equity.equity,
      ...result.equity.drawdownPct,
      ...Object.values(result.metrics),
    ].filter((v) => typeof v === 'number');
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(JSON.parse(JSON.stringify(result)).trades).toEqual(result.trades);
    const pnl = result.trades.reduce((sum, t) => sum + t.pnl, 0);
    expect(result.metrics.equityFinal).toBeCloseTo(10_000 + pnl, 6);
    expect(result.equity.drawdownPct.every((d) => d <= 0)).toBe(true);
  });
});
