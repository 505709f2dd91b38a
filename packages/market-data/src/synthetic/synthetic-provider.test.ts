import type { CandleQuery, CandleSet } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../../testing/stratex-error.js';
import { parseTimeframe } from '../timeframe.js';
import { MAX_SYNTHETIC_BARS, syntheticCandles } from './synthetic-provider.js';

const H = 3_600_000;
const T0 = Date.UTC(2022, 0, 1);
const NOW = Date.UTC(2030, 0, 1);

function query(overrides: Partial<CandleQuery> = {}): CandleQuery {
  return {
    provider: 'synthetic',
    symbol: 'BTC/USD',
    timeframe: '1h',
    from: T0,
    to: T0 + 2000 * H,
    warmupBars: 0,
    ...overrides,
  };
}

function expectConsistentOhlc(set: CandleSet): void {
  const { open, high, low, close, volume } = set.data;
  for (let i = 0; i < open.length; i++) {
    const ok =
      low[i] > 0 &&
      low[i] <= Math.min(open[i], close[i]) &&
      high[i] >= Math.max(open[i], close[i]) &&
      Number.isFinite(high[i]) &&
      volume[i] > 0;
    if (!ok) throw new Error(`bar ${i} is inconsistent: ${open[i]} ${high[i]} ${low[i]} ${close[i]} ${volume[i]}`);
  }
}

describe('synthetic provider', () => {
  it('gives the same candles for the same seed, symbol and timeframe, other ones for another seed', () => {
    const a = syntheticCandles(query({ seed: 7 }), NOW);
    const b = syntheticCandles(query({ seed: 7 }), NOW);
    const c = syntheticCandles(query({ seed: 8 }), NOW);
    const d = syntheticCandles(query({ seed: 7, symbol: 'ETH/USD' }), NOW);
    expect(Array.from(b.data.close)).toEqual(Array.from(a.data.close));
    expect(c.data.close[100]).not.toBe(a.data.close[100]);
    expect(d.data.close[100]).not.toBe(a.data.close[100]);
  });

  it('makes consistent OHLC with positive prices for every timeframe', () => {
    for (const timeframe of ['1m', '5m', '1h', '4h', '1d', '1w']) {
      const to = T0 + 5000 * parseTimeframe(timeframe);
      const set = syntheticCandles(query({ timeframe, to, warmupBars: 300 }), Date.UTC(2200, 0, 1));
      expect(set.data.close.length, timeframe).toBe(5300);
      expectConsistentOhlc(set);
    }
  });

  it('opens each bar at the previous close, also across the warm-up boundary', () => {
    const set = syntheticCandles(query({ warmupBars: 100 }), NOW);
    for (let i = 1; i < set.data.open.length; i++) expect(set.data.open[i]).toBe(set.data.close[i - 1]);
  });

  it('puts bars on the timeframe grid from the first open at or after from, closed bars only', () => {
    const from = T0 + 30 * 60_000;
    const now = T0 + 10 * H + 5;
    const set = syntheticCandles(query({ from, warmupBars: 3 }), now);
    expect(set.data.timestamp[3]).toBe(T0 + H);
    expect(set.data.timestamp[0]).toBe(T0 - 2 * H);
    expect(set.data.timestamp[set.data.timestamp.length - 1]).toBe(T0 + 9 * H);
    expect(set.warnings.join()).toMatch(/not closed yet/);
  });

  it('keeps the counted bars when the end moves later or warm-up bars are added', () => {
    const short = syntheticCandles(query({ to: T0 + 500 * H }), NOW);
    const long = syntheticCandles(query({ to: T0 + 900 * H, warmupBars: 40 }), NOW);
    expect(Array.from(long.data.close.subarray(40, 540))).toEqual(Array.from(short.data.close));
    expect(long.warmupBars).toBe(40);
  });

  it('switches regimes: strong rises, strong falls, calm and wild stretches', () => {
    const { close } = syntheticCandles(query({ to: T0 + 20_000 * H }), NOW).data;
    const moves: number[] = [];
    const vols: number[] = [];
    for (let i = 200; i < close.length; i += 200) {
      moves.push(Math.log(close[i] / close[i - 200]));
      let sum = 0;
      for (let j = i - 199; j <= i; j++) sum += Math.log(close[j] / close[j - 1]) ** 2;
      vols.push(Math.sqrt(sum / 200));
    }
    const barSigma = 0.6 * Math.sqrt(1 / (365 * 24));
    expect(Math.max(...moves)).toBeGreaterThan(15 * barSigma);
    expect(Math.min(...moves)).toBeLessThan(-15 * barSigma);
    expect(Math.max(...vols) / Math.min(...vols)).toBeGreaterThan(2.5);
  });

  it('refuses more bars than it is willing to make', async () => {
    const err = await caught(() =>
      syntheticCandles(query({ timeframe: '1m', to: T0 + (MAX_SYNTHETIC_BARS + 1) * 60_000 }), Date.UTC(2100, 0, 1)),
    );
    expect(err.code).toBe('INVALID_REQUEST');
  });

  it('answers DATA_UNAVAILABLE when no bar of the range is closed', async () => {
    const err = await caught(() => syntheticCandles(query(), T0 + H - 1));
    expect(err.code).toBe('DATA_UNAVAILABLE');
  });
});
