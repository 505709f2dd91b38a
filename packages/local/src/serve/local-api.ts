/**
 * The API's ports on one machine: the real execution service (local runtimes, csv/synthetic/exchange
 * data), the executions table and blob folder under STRATEX_HOME, an in-process queue for 202 runs.
 */
import {
  type ApiDeps,
  abandonExecutionJob,
  createRunSlots,
  type ExecutionJob,
  type ExecutionStorage,
  type RunSlotLimits,
  runExecutionJob,
} from '@stratex/api';
import type { RuntimeInvoker } from '@stratex/core';
import { openLocalExecutions } from '../executions.js';
import { createLocalExecution } from '../local-execution.js';
import { systemClock } from '../system-clock.js';
import { createJobQueue, type JobQueue } from './job-queue.js';

export interface LocalApiOptions {
  home: string;
  /** The file the `csv` provider reads (chosen by whoever starts the server, never by a request). */
  csvFile?: string;
  /** Queued runs at once, all users together (default 2). */
  concurrency?: number;
  /** Per-user caps on runs in flight (default 2 running, 20 queued; docs/API.md). */
  runLimits?: Partial<RunSlotLimits>;
  /** Another runtime than the local ones (tests). */
  runtime?: RuntimeInvoker;
  onInternalError(err: unknown): void;
}

/** Everything createApp needs but the authentication, and how to shut it down. */
export interface LocalApi {
  deps: Omit<ApiDeps, 'authenticate'>;
  queue: JobQueue<ExecutionJob>;
  /**
   * Queues again the runs of `userId` left `queued` by a server that died without stopping (the newest
   * `scan` records are looked at). Safe beside another server on the same home: a run is claimed once.
   */
  resumeQueued(userId: string, scan?: number): Promise<number>;
  /** Abandons waiting runs, stops the runtimes (running runs end failed), waits for them, closes the store. */
  close(): Promise<void>;
}

export async function openLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const storage = await openLocalExecutions(options.home);
  const execution = createLocalExecution({
    home: options.home,
    onInternalError: options.onInternalError,
    ...(options.csvFile === undefined ? {} : { csvFile: options.csvFile }),
    ...(options.runtime === undefined ? {} : { runtime: options.runtime }),
  });
  const runDeps: ExecutionStorage = {
    executions: execution,
    repo: storage.executions,
    blobs: storage.blobs,
    clock: systemClock,
    onInternalError: options.onInternalError,
  };
  const runSlots = createRunSlots(options.runLimits);
  // Each queued job holds its user's queue place until it ended, and a run slot while it runs.
  const queue = createJobQueue<ExecutionJob>({
    concurrency: options.concurrency ?? 2,
    run: (job) => runExecutionJob(runDeps, job).finally(() => runSlots.leaveQueue(job.userId)),
    abandon: (job) => abandonExecutionJob(runDeps, job).finally(() => runSlots.leaveQueue(job.userId)),
    onError: options.onInternalError,
    tryStart: (job) => runSlots.tryRun(job.userId),
  });
  runSlots.onRunReleased(() => queue.wake());
  return {
    deps: { ...runDeps, enqueue: (job) => queue.enqueue(job), runSlots },
    queue,
    async resumeQueued(userId, scan = 1000) {
      let resumed = 0;
      let cursor: string | undefined;
      for (let seen = 0; seen < scan; ) {
        const page = await storage.executions.list(userId, { limit: 100, ...(cursor === undefined ? {} : { cursor }) });
        for (const record of page.items.filter((item) => item.status === 'queued')) {
          runSlots.joinQueue(userId);
          queue.enqueue({ userId, executionId: record.id });
          resumed += 1;
        }
        seen += page.items.length;
        if (page.next === undefined) break;
        cursor = page.next;
      }
      return resumed;
    },
    async close() {
      const drained = queue.close();
      await execution.close();
      await drained;
      await storage.close();
    },
  };
}
