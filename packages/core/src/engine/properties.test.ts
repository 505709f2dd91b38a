/**
 * Properties on real candles (kraken BTCUSD 1h 2022) with seeded random strategies: the equity curve
 * can be rebuilt from the trades alone, trades never overlap wrongly, fills sit where the rules put them.
 */
import { expect, it } from 'vitest';
import { seededRandom } from '../../../../testing/seeded-random.mjs';
import { describeWithSharedData, readSharedCsv } from '../../../../testing/shared-data.js';
import type { SimulationOptions, StrategyOutput, Trade } from '../types.js';
import { type EngineRun, runEngine } from './run.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

function randomOptions(rand: () => number): SimulationOptions {
  return {
    cash: 1000 + rand() * 1e5,
    fee: rand() * 0.002,
    slippage: rand() * 0.001,
    lotSize: rand() < 0.3 ? 0.001 : 0,
  };
}

/** Random signals about every `every` bars, with random per-bar levels (stop ≥ 0.5 % so a stop never sits above the open). */
function randomSignals(rand: () => number, n: number, every: number): StrategyOutput {
  const flags = () => Uint8Array.from({ length: n }, () => (rand() < 1 / every ? 1 : 0));
  const level = (lo: number, hi: number, p: number) =>
    Float64Array.from({ length: n }, () => (rand() < p ? lo + rand() * (hi - lo) : Number.NaN));
  return {
    entries: flags(),
    exits: flags(),
    short_entries: flags(),
    short_exits: flags(),
    size: level(0, 1, 0.8),
    stop_loss: level(0.005, 0.05, 0.7),
    take_profit: level(0.005, 0.1, 0.7),
    trailing_stop: level(0.005, 0.05, 0.5),
  };
}

function randomTargets(rand: () => number, n: number, every: number): StrategyOutput {
  const steps = [-1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1];
  const position = Float64Array.from({ length: n }, () =>
    rand() < 1 / every ? steps[Math.floor(rand() * steps.length)] : Number.NaN,
  );
  return { position, stop_loss: rand() < 0.5 ? 0.03 : Number.NaN, trailing_stop: rand() < 0.5 ? 0.04 : Number.NaN };
}

/** Equity at each bar rebuilt from the trades: cash + realised pnl + open trades marked at the close, entry fee paid. */
function equityFromTrades(trades: Trade[], cash: number, closes: Float64Array, fee: number): Float64Array {
  const equity = new Float64Array(closes.length).fill(cash);
  for (const t of trades) {
    const side = t.side === 'long' ? 1 : -1;
    for (let k = t.entryBar; k < t.exitBar; k++) {
      equity[k] += side * t.size * (closes[k] - t.entryPrice) - fee * t.size * t.entryPrice;
    }
    for (let k = t.exitBar; k < closes.length; k++) equity[k] += t.pnl;
  }
  return equity;
}

function checkRun(run: EngineRun, options: SimulationOptions): void {
  const { market, trades, equity } = run;
  const n = market.bars;
  const pnl = trades.reduce((sum, t) => sum + t.pnl, 0);
  expect(close(equity[n - 1], options.cash + pnl)).toBe(true);
  const rebuilt = equityFromTrades(trades, options.cash, market.close, options.fee);
  const firstWrong = equity.findIndex((v, k) => !close(v, rebuilt[k]));
  expect(firstWrong, 'first bar whose equity differs from the rebuilt one').toBe(-1);
  for (const t of trades) {
    const side = t.side === 'long' ? 1 : -1;
    expect(t.size).toBeGreaterThan(0);
    expect(t.entryBar).toBeLessThanOrEqual(t.exitBar);
    expect([t.entryTime, t.exitTime]).toEqual([market.time[t.entryBar], market.time[t.exitBar]]);
    expect(close(t.entryPrice, market.open[t.entryBar] * (1 + side * options.slippage))).toBe(true);
    // Every exit fills inside its bar's range, moved by slippage against the trade.
    const raw = t.exitPrice / (1 - side * options.slippage);
    expect(raw).toBeGreaterThanOrEqual(market.low[t.exitBar] * (1 - 1e-12));
    expect(raw).toBeLessThanOrEqual(market.high[t.exitBar] * (1 + 1e-12));
    expect(close(t.pnl, side * t.size * (t.exitPrice - t.entryPrice) - t.fees)).toBe(true);
    for (const v of Object.values(t)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  }
  for (const s of run.signals) expect(s.bar).toBeLessThan(n - 1);
}

/** At no bar are a long and a short open together; with signals, never two trades at once. */
function checkNoOverlap(trades: Trade[], oneAtATime: boolean): void {
  const byEntry = [...trades].sort((a, b) => a.entryBar - b.entryBar || a.entryTime - b.entryTime);
  for (let i = 1; i < byEntry.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [byEntry[j], byEntry[i]];
      const overlap = b.entryBar < a.exitBar;
      if (overlap && oneAtATime) expect.fail(`trades ${j} and ${i} are open together`);
      if (overlap) expect(b.side).toBe(a.side);
    }
  }
}

describeWithSharedData('engine properties on kraken BTCUSD 1h 2022', () => {
  const candles = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
  const n = candles.close.length;

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('signals with stops, seed %i', (seed) => {
    const rand = seededRandom(seed);
    const options = randomOptions(rand);
    const run = runEngine(candles, randomSignals(rand, n, 20 + seed * 10), options);
    expect(run.trades.length).toBeGreaterThan(10);
    checkRun(run, options);
    checkNoOverlap(run.trades, true);
  });

  it.each([11, 12, 13, 14, 15, 16])('position targets, seed %i', (seed) => {
    const rand = seededRandom(seed);
    const options = randomOptions(rand);
    const run = runEngine(candles, randomTargets(rand, n, 30), options);
    expect(run.trades.length).toBeGreaterThan(10);
    checkRun(run, options);
    checkNoOverlap(run.trades, false);
  });

  it.each([21, 22, 23])('long-only signals equal the position targets they imply, seed %i', (seed) => {
    // Without stops, entry → target 1 and exit → target 0 (NaN elsewhere) is the same strategy.
    const rand = seededRandom(seed);
    const options = { ...randomOptions(rand), lotSize: 0 };
    const entries = Uint8Array.from({ length: n }, () => (rand() < 0.03 ? 1 : 0));
    const exits = Uint8Array.from({ length: n }, () => (rand() < 0.03 ? 1 : 0));
    const position = Float64Array.from(entries, (e, i) => (e && !exits[i] ? 1 : exits[i] && !e ? 0 : Number.NaN));
    const signals = runEngine(candles, { entries, exits }, options);
    const targets = runEngine(candles, { position }, options);
    expect(signals.trades.length).toBeGreaterThan(10);
    expect(targets.trades).toEqual(signals.trades);
    expect(targets.signals).toEqual(signals.signals);
  });
});
