/**
 * Fakes at the API's process boundaries: a runtime that runs a trusted in-process function instead of
 * sandboxed code (the real runtimes are child processes; the server's tests use them), and candles from
 * a deterministic series. The execution service between them is the real one.
 */
import {
  type CandleProvider,
  type CandleQuery,
  type CandleSet,
  type RuntimeInvoker,
  type StrategyRun,
  StratexError,
} from '@stratex/core';

const HOUR = 3_600_000;

/** Hourly bars of a sine wave, so a moving-average cross trades a few times. */
export const sineCandles: CandleProvider = {
  async candles(query: CandleQuery): Promise<CandleSet> {
    const first = Math.ceil(query.from / HOUR) - query.warmupBars;
    const count = Math.max(0, Math.ceil(query.to / HOUR) - first);
    const time = Float64Array.from({ length: count }, (_, i) => (first + i) * HOUR);
    const close = time.map((t) => 100 + 10 * Math.sin(t / HOUR / 24));
    return {
      data: {
        timestamp: time,
        open: close,
        high: close.map((c) => c + 1),
        low: close.map((c) => c - 1),
        close,
        volume: close,
      },
      warmupBars: query.warmupBars,
      timeframeMs: HOUR,
      gaps: 0,
      missingBars: 0,
      duplicatesDropped: 0,
      warnings: [],
    };
  },
};

/**
 * Enters every 24 bars and exits 12 bars later, whatever the code says, except: code `raise` is a
 * strategy error, `reject` a rejected code. After `hold()`, runs wait for `release()`.
 */
export function scriptedRuntime() {
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const runtime: RuntimeInvoker & { hold(): void; release(): void; jobs: number; owners: Set<string> } = {
    jobs: 0,
    owners: new Set(),
    hold() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
    async run(job): Promise<StrategyRun> {
      runtime.jobs += 1;
      if (job.owner !== undefined) runtime.owners.add(job.owner);
      await gate;
      if (job.code === 'raise') throw new StratexError('STRATEGY_ERROR', 'ZeroDivisionError at line 3', { line: 3 });
      if (job.code === 'reject') throw new StratexError('CODE_REJECTED', 'import os is not allowed', { line: 1 });
      const n = job.data.close.length;
      const entries = Uint8Array.from({ length: n }, (_, i) => (i % 24 === 0 ? 1 : 0));
      const exits = Uint8Array.from({ length: n }, (_, i) => (i % 24 === 12 ? 1 : 0));
      return {
        output: { entries, exits },
        style: 'vectorized',
        params: job.params,
        logs: '',
        isolation: 'none',
        sdkVersion: 'test',
      };
    },
  };
  return runtime;
}
