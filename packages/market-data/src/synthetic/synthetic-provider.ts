/**
 * The `synthetic` provider: deterministic candles for any symbol and timeframe, so examples and tests
 * run offline. The same seed, symbol, timeframe and start give the same bars; a later end only appends
 * bars, and warm-up bars are walked backwards from the start so they never change the counted ones.
 */
import { type CandleProvider, type CandleQuery, type CandleSet, type Clock, StratexError } from '@stratex/core';
import { alignUp, parseTimeframe } from '../timeframe.js';
import { createRandom, hashUnit } from './random.js';
import { createRegimeWalk } from './regime-walk.js';

/** More bars than this (about 9.5 years of 1m bars) is refused rather than filling memory. */
export const MAX_SYNTHETIC_BARS = 5_000_000;
export const DEFAULT_SEED = 1;

const YEAR_MS = 365 * 86_400_000;
const HOUR_MS = 3_600_000;
/** Annualised volatility of the "normal" regime, roughly a large crypto asset. */
const ANNUAL_VOLATILITY = 0.6;

/** A provider of seeded random-walk candles; `clock` decides which bars are closed. */
export function createSyntheticProvider(options: { clock: Clock }): CandleProvider {
  return {
    async candles(query: CandleQuery): Promise<CandleSet> {
      return syntheticCandles(query, options.clock.now());
    },
  };
}

/** The candles of a query, warm-up first; `DATA_UNAVAILABLE` when no bar of the range is closed. */
export function syntheticCandles(query: CandleQuery, now: number): CandleSet {
  const timeframeMs = parseTimeframe(query.timeframe);
  const first = alignUp(query.from, timeframeMs);
  const end = Math.min(query.to, now - timeframeMs + 1);
  const counted = Math.max(0, Math.ceil((end - first) / timeframeMs));
  const unclosed = Math.max(0, Math.ceil((query.to - first) / timeframeMs)) - counted;
  if (counted === 0) {
    throw new StratexError('DATA_UNAVAILABLE', `no closed ${query.timeframe} bars between the requested dates`, {
      from: query.from,
      to: query.to,
    });
  }
  const warmup = query.warmupBars;
  if (counted + warmup > MAX_SYNTHETIC_BARS) {
    throw new StratexError(
      'INVALID_REQUEST',
      `the request spans ${counted + warmup} ${query.timeframe} bars; synthetic data is limited to ${MAX_SYNTHETIC_BARS}`,
    );
  }
  const data = generate(query, timeframeMs, first - warmup * timeframeMs, warmup, counted);
  const warnings = unclosed > 0 ? [`${unclosed} bars of the range are not closed yet and were left out`] : [];
  return { data, warmupBars: warmup, timeframeMs, gaps: 0, missingBars: 0, duplicatesDropped: 0, warnings };
}

function generate(query: CandleQuery, timeframeMs: number, start: number, warmup: number, counted: number) {
  const n = warmup + counted;
  const columns = {
    timestamp: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) columns.timestamp[i] = start + i * timeframeMs;
  const key = `${query.seed ?? DEFAULT_SEED}|${query.symbol}|${query.timeframe}|${start + warmup * timeframeMs}`;
  const startPrice = 10 ** (1 + 3 * hashUnit(query.symbol));
  const sigmaBar = Math.min(0.1, ANNUAL_VOLATILITY * Math.sqrt(timeframeMs / YEAR_MS));
  const volumeScale = 100 * (timeframeMs / HOUR_MS);
  const bars = { columns, startPrice, sigmaBar, volumeScale };
  walk(bars, `${key}|forward`, warmup, 1, n);
  walk(bars, `${key}|backward`, warmup - 1, -1, -1);
  return columns;
}

interface Walked {
  columns: Record<'open' | 'high' | 'low' | 'close' | 'volume', Float64Array>;
  startPrice: number;
  sigmaBar: number;
  volumeScale: number;
}

/**
 * Fills bars `from`, `from + dir`, … up to `stop` (exclusive). Going forward each bar opens at the last
 * close; going backward each bar closes at the next bar's open, so both walks meet at the start price.
 */
function walk(bars: Walked, seedText: string, from: number, dir: 1 | -1, stop: number): void {
  const random = createRandom(seedText);
  const regimes = createRegimeWalk(random, bars.sigmaBar);
  const { open, high, low, close, volume } = bars.columns;
  let logPrice = 0;
  for (let i = from; i !== stop; i += dir) {
    const { logReturn, sigma } = regimes.step(logPrice);
    const before = bars.startPrice * Math.exp(logPrice);
    logPrice += logReturn;
    const after = bars.startPrice * Math.exp(logPrice);
    open[i] = dir === 1 ? before : after;
    close[i] = dir === 1 ? after : before;
    high[i] = Math.max(open[i], close[i]) * Math.exp(0.5 * sigma * Math.abs(random.normal()));
    low[i] = Math.min(open[i], close[i]) * Math.exp(-0.5 * sigma * Math.abs(random.normal()));
    volume[i] = bars.volumeScale * (sigma / bars.sigmaBar) * Math.exp(0.4 * random.normal());
  }
}
