/**
 * Fakes at the service's process boundaries: a runtime that calls a trusted in-process function
 * instead of sandboxing code, and a candle provider over fixed columns.
 */
import type {
  CandleProvider,
  CandleQuery,
  CandleSet,
  RuntimeInvoker,
  StrategyData,
  StrategyJob,
  StrategyRun,
} from '../../ports.js';
import type { StrategyOutput } from '../../types.js';

export type FakeStrategy = (data: StrategyData, params: Record<string, unknown>) => StrategyOutput;

/** A runtime whose "code" is `strategy`; it records the jobs it ran. */
export function fakeRuntime(strategy: FakeStrategy, style: StrategyRun['style'] = 'vectorized') {
  const jobs: StrategyJob[] = [];
  const runtime: RuntimeInvoker = {
    async run(job: StrategyJob): Promise<StrategyRun> {
      jobs.push(job);
      const params = { ...job.params };
      return { output: strategy(job.data, params), style, params, logs: '', isolation: 'none', sdkVersion: 'fake' };
    },
  };
  return { runtime, jobs };
}

/** Candles from `series` selected by time like a real provider (closed bars, warm-up before `from`). */
export function fakeCandles(series: StrategyData): CandleProvider & { queries: CandleQuery[] } {
  const queries: CandleQuery[] = [];
  return {
    queries,
    async candles(query: CandleQuery): Promise<CandleSet> {
      queries.push(query);
      const time = Array.from(series.timestamp);
      const first = time.findIndex((t) => t >= query.from);
      const end = time.findIndex((t) => t >= query.to);
      const stop = end === -1 ? time.length : end;
      const start = Math.max(0, first - query.warmupBars);
      const pick = (column: Float64Array) => column.subarray(start, stop);
      return {
        data: {
          timestamp: pick(series.timestamp),
          open: pick(series.open),
          high: pick(series.high),
          low: pick(series.low),
          close: pick(series.close),
          volume: pick(series.volume),
        },
        warmupBars: first - start,
        timeframeMs: 3_600_000,
        gaps: 0,
        missingBars: 0,
        duplicatesDropped: 0,
        warnings: [],
      };
    },
  };
}

/** Simple moving average with a plain loop (NaN until `period` values exist). */
export function plainSma(values: Float64Array, period: number): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  for (let i = period - 1; i < values.length; i++) {
    let sum = 0;
    for (let j = i - period + 1; j <= i; j++) sum += values[j];
    out[i] = sum / period;
  }
  return out;
}
