import { describe, expect, it, vi } from 'vitest';
import { describeWithSharedData, readSharedCsv } from '../../../../testing/shared-data.js';
import { StratexError } from '../errors.js';
import type { StrategyData } from '../ports.js';
import type { ExecutionRequest } from './execution-request.js';
import type { ExecutionResult, FailedExecution, SucceededExecution } from './execution-result.js';
import { createExecutionService } from './execution-service.js';
import { type FakeStrategy, fakeCandles, fakeRuntime, plainSma } from './test-support/fakes.js';

const H = 3_600_000;
const T0 = Date.UTC(2022, 0, 1);

/** 300 hourly bars from T0 - 100 h: a sine wave, so crosses happen. */
function sineBars(count = 300): StrategyData {
  const timestamp = new Float64Array(count).map((_, i) => T0 + (i - 100) * H);
  const close = new Float64Array(count).map((_, i) => 100 + 10 * Math.sin(i / 9));
  const open = new Float64Array(count).map((_, i) => (i === 0 ? close[0] : close[i - 1]));
  const high = close.map((c, i) => Math.max(c, open[i]) + 0.5);
  const low = close.map((c, i) => Math.min(c, open[i]) - 0.5);
  return { timestamp, open, high, low, close, volume: new Float64Array(count).fill(1) };
}

const request = (overrides: Partial<ExecutionRequest> = {}): ExecutionRequest => ({
  code: '/* fake */',
  language: 'javascript',
  providerId: 'csv',
  symbol: 'BTC/USD',
  timeframe: '1h',
  startDate: '2022-01-01',
  endDate: '2022-01-09T08:00Z',
  ...overrides,
});

const smaCross: FakeStrategy = (data, params) => {
  const fast = plainSma(data.close, Number(params.fast ?? 5));
  const slow = plainSma(data.close, Number(params.slow ?? 20));
  const entries = fast.map((f, i) => (i > 0 && f > slow[i] && fast[i - 1] <= slow[i - 1] ? 1 : 0));
  const exits = fast.map((f, i) => (i > 0 && f < slow[i] && fast[i - 1] >= slow[i - 1] ? 1 : 0));
  return { entries: Uint8Array.from(entries), exits: Uint8Array.from(exits), indicators: { fast, slow } };
};

function service(strategy: FakeStrategy, style: 'vectorized' | 'event' = 'vectorized', bars = sineBars()) {
  const runtime = fakeRuntime(strategy, style);
  const candles = fakeCandles(bars);
  const onInternalError = vi.fn();
  const svc = createExecutionService({ candles, runtime: runtime.runtime, engineVersion: '9.9.9', onInternalError });
  return { svc, runtime, candles, onInternalError };
}

function succeeded(result: ExecutionResult): SucceededExecution {
  if (result.status !== 'succeeded') throw new Error(`run failed: ${JSON.stringify(result.error)}`);
  return result;
}

function failedWith(result: ExecutionResult): FailedExecution['error'] {
  if (result.status !== 'failed') throw new Error('expected a failed run');
  return result.error;
}

describe('execution service', () => {
  it('runs a strategy on the counted bars and assembles the whole result', async () => {
    const { svc } = service(smaCross);
    const result = succeeded(await svc.run(request({ parameters: { fast: 5 } })));
    expect(result.id).toMatch(/^exe_[0-9a-z]{9}[0-9a-f]{16}$/);
    expect(result.request).toMatchObject({
      mode: 'BACKTEST',
      startDate: '2022-01-01T00:00:00.000Z',
      endDate: '2022-01-09T08:00:00.000Z',
      parameters: { fast: 5 },
      warmup: 0,
      cash: 10000,
      fee: 0,
      limits: { timeoutMs: 10000, memoryMb: 256 },
    });
    expect(result.request).not.toHaveProperty('code');
    expect(result.diagnostics).toMatchObject({ bars: 200, warmupBars: 0, engineVersion: '9.9.9', sdkVersion: 'fake' });
    expect(result.diagnostics.dataHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.equity.time.length).toBe(200);
    expect(result.equity.time[0]).toBe(T0);
    expect(result.trades.length).toBeGreaterThan(0);
    expect(result.metrics.trades).toBe(result.trades.length);
    expect(result.llmAnalysis).toBeNull();
  });

  it('writes strict JSON: indicator NaNs are null, typed arrays are plain arrays', async () => {
    const { svc } = service(smaCross);
    const result = succeeded(await svc.run(request()));
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(result.indicators.slow.slice(0, 19)).toEqual(new Array(19).fill(null));
    expect(typeof result.indicators.slow[19]).toBe('number');
    expect(JSON.parse(json).indicators.fast.length).toBe(200);
  });

  it('feeds warm-up bars to the strategy but drops their signals and their indicator values', async () => {
    const entryOnFirstBars: FakeStrategy = (data) => ({
      entries: Uint8Array.from(data.close, (_, i) => (i < 3 ? 1 : 0)),
      indicators: { index: Float64Array.from(data.close, (_, i) => i) },
    });
    const { svc, runtime } = service(entryOnFirstBars);
    const result = succeeded(await svc.run(request({ warmup: 50 })));
    expect(runtime.jobs[0].data.timestamp.length).toBe(250);
    expect(runtime.jobs[0].data.timestamp[50]).toBe(T0);
    expect(result.diagnostics).toMatchObject({ bars: 200, warmupBars: 50 });
    expect(result.trades).toEqual([]);
    expect(result.indicators.index[0]).toBe(50);
  });

  it('runs every job of a run (look-ahead re-runs too) for the caller’s user, else for the local user', async () => {
    const { svc, runtime } = service(smaCross);
    await svc.run(request(), { userId: 'user-a' });
    expect(runtime.jobs.map((job) => job.owner)).toEqual(['user-a', 'user-a', 'user-a', 'user-a']);
    await svc.run(request());
    expect(runtime.jobs.slice(4).map((job) => job.owner)).toEqual(['local', 'local', 'local', 'local']);
  });

  it('hands the runtime compact copies of the candles, not views of a larger buffer', async () => {
    const { svc, runtime } = service(smaCross);
    await svc.run(request());
    const { close } = runtime.jobs[0].data;
    expect(close.byteOffset).toBe(0);
    expect(close.buffer.byteLength).toBe(close.byteLength);
  });

  it('gives the same data hash for the same candles and another one when a price changes', async () => {
    const a = succeeded(await service(smaCross).svc.run(request()));
    const b = succeeded(await service(smaCross).svc.run(request()));
    const bars = sineBars();
    bars.close[150] += 0.01;
    const c = succeeded(await service(smaCross, 'vectorized', bars).svc.run(request()));
    expect(b.diagnostics.dataHash).toBe(a.diagnostics.dataHash);
    expect(c.diagnostics.dataHash).not.toBe(a.diagnostics.dataHash);
  });

  it('answers a failed result with INVALID_REQUEST for a bad request, echoing it without the source', async () => {
    const { svc, runtime } = service(smaCross);
    const result = await svc.run(request({ startDate: '2022-02-30', code: 'secret()' }));
    expect(failedWith(result)).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'startDate' } });
    expect(result.request).toMatchObject({ startDate: '2022-02-30', symbol: 'BTC/USD' });
    expect(JSON.stringify(result)).not.toMatch(/secret/);
    expect(runtime.jobs).toEqual([]);
    expect(failedWith(await svc.run(request({ fee: 2 })))).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(failedWith(await svc.run(request({ warmup: -1 })))).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('passes a runtime error on with its code, details and line', async () => {
    const { svc } = service(() => {
      throw new StratexError('STRATEGY_ERROR', 'ReferenceError: x is not defined', { line: 3 });
    });
    expect(failedWith(await svc.run(request()))).toEqual({
      code: 'STRATEGY_ERROR',
      message: 'ReferenceError: x is not defined',
      details: { line: 3 },
    });
  });

  it('turns an invalid strategy output into STRATEGY_ERROR naming the key', async () => {
    const { svc } = service((data) => ({ entries: new Uint8Array(data.close.length - 1) }));
    const error = failedWith(await svc.run(request()));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.details).toMatchObject({ key: 'entries' });
  });

  it('turns an unexpected error into INTERNAL with a bland message and reports the original', async () => {
    const { svc, onInternalError } = service(() => {
      throw new TypeError('cannot read properties of undefined (at /srv/engine/secret.js:1:1)');
    });
    const result = await svc.run(request());
    expect(failedWith(result)).toEqual({
      code: 'INTERNAL',
      message: 'An internal error occurred; the run was not completed.',
    });
    expect(JSON.stringify(result)).not.toMatch(/srv|secret/);
    expect(onInternalError).toHaveBeenCalledOnce();
  });
});

describe('look-ahead check', () => {
  it('finds a strategy that peeks at the next bar, at the first counted bar where a shorter run disagrees', async () => {
    const peek: FakeStrategy = (data) => ({
      entries: Uint8Array.from(data.close, (c, i) => (i + 1 < data.close.length && data.close[i + 1] > c ? 1 : 0)),
      exits: Uint8Array.from(data.close, (c, i) => (i + 1 < data.close.length && data.close[i + 1] < c ? 1 : 0)),
    });
    const warmup = 30;
    const { svc, runtime } = service(peek);
    const result = succeeded(await svc.run(request({ warmup })));
    // Independently: the run on warm-up + k counted bars cannot see bar k, so its last bar (k - 1) has
    // neither signal, while the full run has one of them unless the close did not move.
    const { close } = runtime.jobs[0].data;
    const differing = [0.5, 0.75, 0.9]
      .map((p) => Math.floor(p * 200))
      .filter((k) => close[warmup + k] !== close[warmup + k - 1])
      .map((k) => k - 1);
    expect(result.diagnostics.lookAhead).toBe('detected');
    expect(result.diagnostics.lookAheadBar).toBe(Math.min(...differing));
    expect(runtime.jobs.map((job) => job.data.close.length)).toEqual([230, 130, 180, 210]);
  });

  it('finds no look-ahead in a causal strategy, comparing levels and sizes as well as signals', async () => {
    const causal: FakeStrategy = (data, params) => ({ ...smaCross(data, params), stop_loss: 0.05, size: 0.5 });
    const { svc, runtime } = service(causal);
    const result = succeeded(await svc.run(request({ warmup: 30 })));
    expect(result.diagnostics.lookAhead).toBe('none-detected');
    expect(result.diagnostics).not.toHaveProperty('lookAheadBar');
    expect(runtime.jobs.length).toBe(4);
  });

  it('catches a look-ahead that shows only in a level, not in the signals', async () => {
    const peekingStop: FakeStrategy = (data, params) => {
      const n = data.close.length;
      return { ...smaCross(data, params), stop_loss: Float64Array.from(data.close, () => (n >= 200 ? 0.1 : 0.05)) };
    };
    const result = succeeded(await service(peekingStop).svc.run(request()));
    expect(result.diagnostics.lookAhead).toBe('detected');
    expect(result.diagnostics.lookAheadBar).toBe(0);
  });

  it('ignores differences in indicators (they may legitimately be normalised over the whole run)', async () => {
    const { svc } = service((data, params) => ({
      ...smaCross(data, params),
      indicators: { scaled: data.close.map((c) => c / data.close[data.close.length - 1]) },
    }));
    expect(succeeded(await svc.run(request())).diagnostics.lookAhead).toBe('none-detected');
  });

  it('does not re-run on_bar strategies: they are causal by construction', async () => {
    const { svc, runtime } = service(smaCross, 'event');
    const result = succeeded(await svc.run(request()));
    expect(result.diagnostics.lookAhead).toBe('not-applicable');
    expect(runtime.jobs.length).toBe(1);
  });

  it('turns a failing re-run into a warning, not a failed execution', async () => {
    const { svc } = service((data, params) => {
      if (data.close.length < 200) throw new StratexError('STRATEGY_ERROR', 'too short');
      return smaCross(data, params);
    });
    const result = succeeded(await svc.run(request()));
    expect(result.diagnostics.lookAhead).toBe('inconclusive');
    expect(result.diagnostics.warnings.join('\n')).toMatch(
      /first 50% of the bars failed \(STRATEGY_ERROR: too short\)/,
    );
  });
});

describeWithSharedData('execution service on real candles', () => {
  it('backtests a year of Kraken BTC/USD and reports the next-open entries of an SMA cross', async () => {
    const year = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
    const bars = { ...year, timestamp: year.time };
    const { svc } = service(smaCross, 'vectorized', bars);
    const result = succeeded(
      await svc.run(request({ endDate: '2023-01-01', parameters: { fast: 10, slow: 30 }, fee: 0.001 })),
    );
    expect(result.diagnostics.bars).toBe(8760);
    expect(result.diagnostics.lookAhead).toBe('none-detected');
    for (const trade of result.trades.filter((t) => t.exitReason !== 'end')) {
      expect(trade.entryPrice).toBe(year.open[trade.entryBar]);
      expect(trade.exitPrice).toBe(year.open[trade.exitBar]);
    }
  });
});
