/**
 * Running an execution and keeping what it produced: the record (metadata) in the ExecutionRepo, the
 * result JSON of CONTRACT.md section 3 in the BlobStore. The same code runs a synchronous request and a
 * queued job, so both leave the same traces.
 */
import {
  type ExecutionRecord,
  type ExecutionRequest,
  type ExecutionResult,
  type ResolvedRequest,
  StratexError,
  toStratexError,
} from '@stratex/core';
import type { ExecutionJob, ExecutionStorage } from '../deps.js';
import { requestKey, resultKey } from './blob-keys.js';

/** The record of a new execution of `request`, owned by `userId`. */
export function newRecord(
  userId: string,
  id: string,
  resolved: ResolvedRequest,
  status: 'queued' | 'running',
  now: number,
): ExecutionRecord {
  const record: ExecutionRecord = {
    id,
    userId,
    status,
    mode: 'BACKTEST',
    createdAt: now,
    updatedAt: now,
    language: resolved.language,
    providerId: resolved.providerId,
    symbol: resolved.symbol,
    timeframe: resolved.timeframe,
  };
  if (resolved.strategyId !== undefined) record.strategyId = resolved.strategyId;
  return record;
}

/** Runs a `running` record's request and stores the result; resolves with it (the id is the record's). */
export async function runAndStore(
  deps: ExecutionStorage,
  record: ExecutionRecord,
  request: ExecutionRequest,
): Promise<ExecutionResult> {
  const result = { ...(await deps.executions.run(request, { userId: record.userId })), id: record.id };
  await storeResult(deps, record, result);
  return result;
}

async function storeResult(deps: ExecutionStorage, record: ExecutionRecord, result: ExecutionResult): Promise<void> {
  const key = resultKey(record.userId, record.id);
  try {
    await deps.blobs.put(key, new TextEncoder().encode(JSON.stringify(result)));
  } catch (err) {
    // Without its result the record would stay `running` forever: end it failed, then let the caller fail.
    const lost = { code: 'INTERNAL', message: 'the result could not be stored; submit the run again' };
    await deps.repo
      .update(record.userId, record.id, { status: 'failed', updatedAt: deps.clock.now(), error: lost }, 'running')
      .catch(() => false);
    throw err;
  }
  const ended = { status: result.status, updatedAt: deps.clock.now(), resultKey: key };
  const change = result.status === 'failed' ? { ...ended, error: plainError(result.error) } : ended;
  await deps.repo.update(record.userId, record.id, change, 'running');
}

function plainError(error: { code: string; message: string }): { code: string; message: string } {
  return { code: error.code, message: error.message };
}

/** Keeps a queued request until a worker takes it. */
export async function storeRequest(deps: ExecutionStorage, record: ExecutionRecord, request: ExecutionRequest) {
  await deps.blobs.put(requestKey(record.userId, record.id), new TextEncoder().encode(JSON.stringify(request)));
}

/**
 * A worker's part of a queued execution: claim it (queued → running; a second delivery of the same job
 * finds it taken and does nothing), run it, store the result, drop the stored request. Never rejects:
 * a failure that is not the run's own ends the record as failed with INTERNAL.
 */
export async function runExecutionJob(deps: ExecutionStorage, job: ExecutionJob): Promise<void> {
  const running = await claim(deps, job);
  if (running === undefined) return;
  try {
    const stored = await deps.blobs.get(requestKey(job.userId, job.executionId));
    if (stored === undefined) throw new Error('the queued request is missing from the blob store');
    await runAndStore(deps, running, JSON.parse(new TextDecoder().decode(stored)) as ExecutionRequest);
    await deps.blobs.delete(requestKey(job.userId, job.executionId));
  } catch (err) {
    await failRecord(deps, running, err);
  }
}

/**
 * A queued job that will never run because the server stops first: failed, saying so, rather than
 * `queued` forever. Does nothing if a worker already took it.
 */
export async function abandonExecutionJob(deps: ExecutionStorage, job: ExecutionJob): Promise<void> {
  const running = await claim(deps, job);
  if (running === undefined) return;
  await failRecord(
    deps,
    running,
    new StratexError('INTERNAL', 'the server stopped before this run started; submit it again'),
  );
  await deps.blobs.delete(requestKey(job.userId, job.executionId)).catch(() => undefined);
}

/** queued → running, or undefined when the job is unknown or another worker took it. */
async function claim(deps: ExecutionStorage, job: ExecutionJob): Promise<ExecutionRecord | undefined> {
  const record = await deps.repo.get(job.userId, job.executionId);
  if (record === undefined || record.status !== 'queued') return undefined;
  const change = { status: 'running' as const, updatedAt: deps.clock.now() };
  if (!(await deps.repo.update(job.userId, job.executionId, change, 'queued'))) return undefined;
  return { ...record, ...change };
}

/** Ends a running record as failed (the user sees a contract error or a bland INTERNAL; the operator the cause). */
async function failRecord(deps: ExecutionStorage, record: ExecutionRecord, err: unknown): Promise<void> {
  const error = toStratexError(err);
  if (error !== err) deps.onInternalError?.(err);
  const result: ExecutionResult = {
    id: record.id,
    status: 'failed',
    request: {},
    error: error.toBody().error,
    diagnostics: { durationMs: 0 },
  };
  await storeResult(deps, record, result).catch((storeErr) => deps.onInternalError?.(storeErr));
}
