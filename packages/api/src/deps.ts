/** What the API is built from: ports and settings, composed by packages/local or functions/*. */
import type { BlobStore, Clock, ExecutionRepo, ExecutionService } from '@stratex/core';
import type { Context } from 'hono';
import type { RunSlots } from './executions/run-slots.js';

/** When a backtest is answered at once (200) rather than queued (202), and how large a body may be. */
export interface ApiLimits {
  /** Bars (counted + warm-up, estimated from the dates and the timeframe) a synchronous run may have. */
  syncMaxBars: number;
  /** Largest `limits.timeoutMs` of a synchronous run. */
  syncMaxTimeoutMs: number;
  /** Largest request body in bytes (413 above it). */
  maxBodyBytes: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = {
  syncMaxBars: 200_000,
  syncMaxTimeoutMs: 20_000,
  maxBodyBytes: 2 * 1024 * 1024,
};

/** A per-user token bucket: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface RateLimitConfig {
  capacity: number;
  refillPerSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { capacity: 60, refillPerSecond: 2 };

/** Failed API keys per client address: 20 at once, then one every 2 s. */
export const DEFAULT_FAILED_AUTH_LIMIT: RateLimitConfig = { capacity: 20, refillPerSecond: 0.5 };

/** A queued execution: the worker finds the request in the BlobStore by these two ids. */
export interface ExecutionJob {
  userId: string;
  executionId: string;
}

/** The ports a run needs, whether it runs inside a request or later from the queue. */
export interface ExecutionStorage {
  executions: ExecutionService;
  repo: ExecutionRepo;
  blobs: BlobStore;
  clock: Clock;
  /** Sees errors that became INTERNAL (the client sees a bland message), for the operator's log. */
  onInternalError?: (err: unknown) => void;
}

export interface ApiDeps extends ExecutionStorage {
  /**
   * The user id of an API key, or undefined. Comparing keys in constant time is the adapter's job; the
   * API never logs or echoes the key.
   */
  authenticate(token: string): string | undefined | Promise<string | undefined>;
  /** Hands a queued execution to a worker (the in-process queue locally, SQS in the cloud). */
  enqueue(job: ExecutionJob): void | Promise<void>;
  /**
   * Per-user caps on runs in flight (createRunSlots). The worker must share this object: it takes a run
   * slot before starting a queued run and gives the queue place back (leaveQueue) when the run ended.
   */
  runSlots: RunSlots;
  limits?: Partial<ApiLimits>;
  rateLimit?: Partial<RateLimitConfig>;
  /**
   * The client's network address, when the composer can tell it (the socket's locally; API Gateway's
   * source IP in the cloud): failed API keys are then limited per address (`failedAuthLimit`).
   */
  clientAddress?: (c: Context) => string | undefined;
  failedAuthLimit?: Partial<RateLimitConfig>;
  /** New execution ids (default: core's newExecutionId at the clock's time). */
  newId?: () => string;
  /** Reported by /health and /openapi.json. */
  version?: string;
}
