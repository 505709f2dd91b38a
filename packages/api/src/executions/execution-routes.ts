/** `/v1/executions` (CONTRACT.md section 6): run a backtest now or queue it, list runs, read one. */
import { type ExecutionRecord, type ExecutionResult, isExecutionId, newExecutionId, StratexError } from '@stratex/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ApiDeps, type ApiLimits, DEFAULT_API_LIMITS } from '../deps.js';
import type { ApiEnv } from '../http/api-env.js';
import { errorResponse, HTTP_STATUS, invalid, notFound } from '../http/error-response.js';
import { parseExecutionBody } from './execution-body.js';
import { newRecord, runAndStore, storeRequest } from './execution-runner.js';
import { runsSynchronously } from './run-size.js';
import type { RunSlots } from './run-slots.js';

const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' };

export function executionRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const limits: ApiLimits = { ...DEFAULT_API_LIMITS, ...deps.limits };
  const newId = deps.newId ?? (() => newExecutionId(deps.clock.now()));
  const slots = deps.runSlots;
  const routes = new Hono<ApiEnv>();

  routes.post('/', bodyLimit({ maxSize: limits.maxBodyBytes, onError: (c) => tooLarge(c, limits) }), async (c) => {
    const { request, resolved } = parseExecutionBody(await c.req.text());
    const userId = c.get('userId');
    const id = newId();
    if (!runsSynchronously(resolved, limits)) {
      if (!slots.tryQueue(userId)) return busy(c, slots, `${slots.limits.maxQueuedPerUser} of your runs are queued`);
      try {
        const record = newRecord(userId, id, resolved, 'queued', deps.clock.now());
        await storeRequest(deps, record, request);
        await deps.repo.create(record);
        await deps.enqueue({ userId, executionId: id });
      } catch (err) {
        slots.leaveQueue(userId);
        throw err;
      }
      return c.json({ id, status: 'queued' }, 202, { Location: `/v1/executions/${id}` });
    }
    const release = slots.tryRun(userId);
    if (release === undefined) return busy(c, slots, `${slots.limits.maxRunningPerUser} of your runs are running`);
    try {
      const record = newRecord(userId, id, resolved, 'running', deps.clock.now());
      await deps.repo.create(record);
      const result = await runAndStore(deps, record, request);
      return c.body(JSON.stringify(result), statusOfResult(result), JSON_TYPE);
    } finally {
      release();
    }
  });

  routes.get('/', async (c) => {
    const limit = pageLimit(c.req.query('limit'));
    const cursor = c.req.query('cursor');
    const page = await deps.repo.list(c.get('userId'), { limit, ...(cursor === undefined ? {} : { cursor }) });
    return c.json({ items: page.items.map(summary), next: page.next ?? null });
  });

  routes.get('/:id', async (c) => {
    const id = c.req.param('id');
    const record = isExecutionId(id) ? await deps.repo.get(c.get('userId'), id) : undefined;
    if (record === undefined) throw notFound('no execution with this id for this API key');
    if (record.resultKey === undefined) {
      const { id: recordId, status, error } = record;
      return c.json(error === undefined ? { id: recordId, status } : { id: recordId, status, error });
    }
    const stored = await deps.blobs.get(record.resultKey);
    // onError logs this for the operator and answers a bland INTERNAL.
    if (stored === undefined) throw new Error(`result blob of ${record.id} is missing`);
    return c.body(new TextDecoder().decode(stored), 200, JSON_TYPE);
  });

  return routes;
}

/**
 * A run that ended is a 200 result, `failed` included (CONTRACT.md section 3: STRATEGY_ERROR, TIMEOUT,
 * MEMORY_LIMIT, SANDBOX_VIOLATION, DATA_UNAVAILABLE, PROVIDER_ERROR). A request the run rejected
 * (INVALID_REQUEST, CODE_REJECTED) is a 400 and an INTERNAL failure a 500 — the body is the failed
 * result in every case, so it carries `error` (section 4) and the id to read it again.
 */
export function statusOfResult(result: ExecutionResult): ContentfulStatusCode {
  if (result.status === 'succeeded') return 200;
  const code = result.error.code;
  if (code === 'INVALID_REQUEST' || code === 'CODE_REJECTED' || code === 'INTERNAL') return HTTP_STATUS[code];
  return 200;
}

function pageLimit(text: string | undefined): number {
  if (text === undefined) return 20;
  const limit = Number(text);
  if (!/^\d{1,3}$/.test(text) || limit < 1 || limit > 100) {
    throw invalid('limit must be a whole number in [1, 100]', { field: 'limit' });
  }
  return limit;
}

/** What a listing shows of a record: not its owner or where its result is stored. */
function summary(record: ExecutionRecord) {
  const { userId: _owner, resultKey: _key, ...visible } = record;
  return visible;
}

/** 429 for a user whose run slots or queue are full: nothing was stored or run. */
function busy(c: Context, slots: RunSlots, what: string): Response {
  const seconds = slots.limits.retryAfterSeconds;
  const error = new StratexError('RATE_LIMITED', `too many runs at once: ${what}; retry in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
  return errorResponse(c, error, { 'Retry-After': String(seconds) });
}

function tooLarge(c: Context, limits: ApiLimits): Response {
  const mb = (limits.maxBodyBytes / 1024 / 1024).toFixed(1);
  const error = invalid(`the body is larger than ${mb} MB`, { field: 'body', maxBytes: limits.maxBodyBytes });
  // The rest of the body is never read: the connection cannot carry another request.
  return c.json(error.toBody(), 413, { Connection: 'close' });
}
