/** Jobs for the runtime's tests: candles (synthetic or the shared real ones) and default limits. */
import type { StrategyData, StrategyJob } from '@stratex/core';
import { readSharedCsv } from '../../../../testing/shared-data.js';

/** A deterministic wavy price series of `n` hourly bars (for tests where the numbers do not matter). */
export function syntheticData(n: number): StrategyData {
  const close = Float64Array.from({ length: n }, (_, i) => 100 + 10 * Math.sin(i / 15) + i * 0.01);
  return {
    timestamp: Float64Array.from({ length: n }, (_, i) => Date.UTC(2022, 0, 1) + i * 3_600_000),
    open: close.map((c, i) => (i === 0 ? c : close[i - 1])),
    high: close.map((c) => c + 1),
    low: close.map((c) => c - 1),
    close,
    volume: close.map((_, i) => 1000 + (i % 7)),
  };
}

/** Kraken BTC/USD hourly candles of 2022 from ../shared/data. */
export function krakenData(): StrategyData {
  const candles = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
  return { ...candles, timestamp: candles.time };
}

/** A JavaScript job over `data` (default: 500 synthetic bars) with 5 s and 128 MB. */
export function jsJob(code: string, overrides: Partial<StrategyJob> = {}): StrategyJob {
  return {
    code,
    language: 'javascript',
    data: syntheticData(500),
    params: {},
    limits: { timeoutMs: 5000, memoryMb: 128 },
    ...overrides,
  };
}
