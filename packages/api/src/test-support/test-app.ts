/** The API over the real execution service, in-memory storage, two users and a queue the test drains. */
import { type Clock, createExecutionService, type ExecutionService } from '@stratex/core';
import { createApp } from '../app.js';
import type { ApiDeps, ExecutionJob } from '../deps.js';
import { runExecutionJob } from '../executions/execution-runner.js';
import { createRunSlots } from '../executions/run-slots.js';
import { scriptedRuntime, sineCandles } from './fakes.js';
import { memoryBlobStore, memoryExecutionRepo } from './memory-storage.js';

/** A response whose JSON body the test reads freely: the expectations check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked field by field by the expectations
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export const KEYS = { alice: 'key-alice-0123456789', bob: 'key-bob-9876543210' } as const;

export function testApp(overrides: Partial<ApiDeps> = {}) {
  const runtime = scriptedRuntime();
  const clock: Clock & { time: number } = { time: Date.UTC(2024, 0, 1), now: () => clock.time };
  const executions: ExecutionService = createExecutionService({
    candles: sineCandles,
    runtime,
    engineVersion: 'test',
  });
  const queue: ExecutionJob[] = [];
  const internalErrors: unknown[] = [];
  const deps: ApiDeps = {
    executions,
    repo: memoryExecutionRepo(),
    blobs: memoryBlobStore(),
    clock,
    authenticate: (token) => Object.entries(KEYS).find(([, key]) => key === token)?.[0],
    enqueue: (job) => {
      queue.push(job);
    },
    onInternalError: (err) => internalErrors.push(err),
    runSlots: createRunSlots(),
    ...overrides,
  };
  const app = createApp(deps);
  /** Runs the queued jobs as a worker would, giving back each job's queue place when it ended. */
  const drain = async () => {
    for (const job of queue.splice(0)) {
      await runExecutionJob(deps, job);
      deps.runSlots.leaveQueue(job.userId);
    }
  };
  const call = async (
    path: string,
    init: RequestInit & { as?: keyof typeof KEYS; json?: unknown } = {},
  ): Promise<TestResponse> => {
    const { as, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (as !== undefined) headers.set('Authorization', `Bearer ${KEYS[as]}`);
    const body = json === undefined ? rest.body : JSON.stringify(json);
    return (await app.request(path, {
      ...rest,
      headers,
      ...(body === undefined ? {} : { body, method: rest.method ?? 'POST' }),
    })) as TestResponse;
  };
  return { app, deps, runtime, clock, queue, drain, call, internalErrors };
}

/** A small valid backtest request (one month of hourly bars). */
export function backtestBody(overrides: Record<string, unknown> = {}) {
  return {
    code: 'export function strategy() {}',
    language: 'javascript',
    providerId: 'synthetic',
    symbol: 'BTC/USD',
    timeframe: '1h',
    startDate: '2022-01-01',
    endDate: '2022-02-01',
    mode: 'BACKTEST',
    ...overrides,
  };
}
