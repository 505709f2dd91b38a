/**
 * Test support (not built): one Python runtime per test file, jobs over real candles or a small
 * synthetic series, and a helper that returns the StratexError a job fails with.
 */
import { type StrategyData, type StrategyJob, StratexError } from '@stratex/core';
import { afterAll } from 'vitest';
import { readSharedCsv } from '../../../../testing/shared-data.js';
import { createPythonRuntime, type PythonRuntime } from '../python-runtime.js';

let shared: PythonRuntime | undefined;

/** The file's runtime, closed after its tests. */
export function runtime(): PythonRuntime {
  if (!shared) {
    const created = createPythonRuntime();
    shared = created;
    afterAll(() => created.close());
  }
  return shared;
}

let btc: StrategyData | undefined;

/** A year of hourly Kraken BTC/USD candles (2022), as the runtime receives them. */
export function btc2022(): StrategyData {
  if (!btc) {
    const c = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
    btc = { timestamp: c.time, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume };
  }
  return btc;
}

/** `n` hourly bars whose close is 100, 101, 102, … (open = close − 0.5). */
export function rampData(n: number): StrategyData {
  const close = Float64Array.from({ length: n }, (_, i) => 100 + i);
  return {
    timestamp: Float64Array.from({ length: n }, (_, i) => 1_640_995_200_000 + i * 3_600_000),
    open: close.map((c) => c - 0.5),
    high: close.map((c) => c + 1),
    low: close.map((c) => c - 1),
    close,
    volume: close.map(() => 10),
  };
}

export function pythonJob(code: string, overrides: Partial<StrategyJob> = {}): StrategyJob {
  return {
    code,
    language: 'python',
    data: rampData(50),
    params: {},
    limits: { timeoutMs: 10_000, memoryMb: 256 },
    ...overrides,
  };
}

/** The StratexError the job fails with (the test fails if it succeeds). */
export async function failure(job: StrategyJob): Promise<StratexError> {
  try {
    await runtime().run(job);
  } catch (e) {
    if (e instanceof StratexError) return e;
    throw e;
  }
  throw new Error('the job succeeded');
}
