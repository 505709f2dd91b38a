import { StratexError } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { createRunSlots } from './executions/run-slots.js';
import { backtestBody, KEYS, type TestResponse, testApp } from './test-support/test-app.js';

const STACK_FRAME = /^\s+at .+[:(]/m;

const sleep = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2000) throw new Error('the condition did not hold within 2 s');
    await sleep(5);
  }
}

describe('the API without a key', () => {
  it('answers /health and /openapi.json without a key', async () => {
    const { call } = testApp();
    expect(await (await call('/health')).json()).toEqual({ status: 'ok', version: '0.0.0' });
    const doc = await (await call('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
  });

  it('lists every route of the app in the OpenAPI document', async () => {
    const { app, call } = testApp();
    const doc = await (await call('/openapi.json')).json();
    const routes = app.routes.filter((r) => r.method !== 'ALL');
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });

  it('refuses /v1 without a valid Bearer key: 401 UNAUTHORIZED, the key never echoed', async () => {
    const { call } = testApp();
    for (const authorization of [undefined, 'Bearer wrong-key-123', `Basic ${KEYS.alice}`, KEYS.alice]) {
      const response = await call('/v1/executions', authorization === undefined ? {} : { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const text = await response.text();
      expect(JSON.parse(text).error.code).toBe('UNAUTHORIZED');
      expect(text).not.toContain('wrong-key');
      expect(text).not.toContain(KEYS.alice);
    }
  });

  it('lets no spelling of a /v1 path past the key check', async () => {
    const { call } = testApp();
    const { id } = await (await call('/v1/executions', { as: 'alice', json: backtestBody() })).json();
    const paths = ['/v1/executions', '/v1/executions/', '/v1%2Fexecutions', '/v1/%65xecutions', '//v1/executions'];
    paths.push('/v1/./executions', '/v1/executions/../executions', '/V1/executions', `/v1/executions/${id}`);
    paths.push(`/v1/executions/${id}/`, `/v1/executions/%65xe_${id.slice(4)}`, `/%761/executions/${id}`);
    for (const path of paths) {
      for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS']) {
        const response = await call(path, { method });
        expect([401, 404], `${method} ${path}`).toContain(response.status);
        if (method !== 'HEAD') expect(await response.text(), `${method} ${path}`).not.toContain(id);
      }
    }
  });

  it('slows key guessing per client address: past the failures allowed, 429 without checking the key', async () => {
    const { call, clock } = testApp({
      clientAddress: (c) => c.req.header('x-test-client'),
      failedAuthLimit: { capacity: 3, refillPerSecond: 0.5 },
    });
    const from = (client: string, key: string) =>
      call('/v1/executions', { headers: { 'x-test-client': client, authorization: `Bearer ${key}` } });
    for (let i = 0; i < 3; i++) expect((await from('10.0.0.1', `guess-${i}-0123456789`)).status).toBe(401);
    const limited = await from('10.0.0.1', 'guess-3-0123456789');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    // The right key is not even checked: a guess cannot be told right from wrong.
    expect((await from('10.0.0.1', KEYS.alice)).status).toBe(429);
    expect((await from('10.0.0.2', KEYS.alice)).status).toBe(200);
    clock.time += 2000;
    expect((await from('10.0.0.1', KEYS.alice)).status).toBe(200);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const { call } = testApp();
    const response = await call('/nope');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
    expect((await call('/v1/nope', { as: 'alice' })).status).toBe(404);
  });

  it('does not echo the path of an unknown route (the caller may spell a host path in it)', async () => {
    const { call } = testApp();
    const text = await (await call('/static/..%2F..%2Fetc%2Fpasswd')).text();
    expect(JSON.parse(text).error.code).toBe('NOT_FOUND');
    expect(text).not.toMatch(/etc|passwd/);
  });
});

describe('POST /v1/executions', () => {
  it('runs a small backtest at once: 200 with the result, stored under its id', async () => {
    const { call, runtime } = testApp();
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody() });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ status: 'succeeded', request: { mode: 'BACKTEST', symbol: 'BTC/USD' } });
    expect(result.id).toMatch(/^exe_/);
    expect(result.trades.length).toBe(result.metrics.trades);
    expect(result.trades.length).toBeGreaterThan(10);
    const stored = await call(`/v1/executions/${result.id}`, { as: 'alice' });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual(result);
    // Every job of the run is the caller's, so the runtime keeps users in separate sandboxes.
    expect([...runtime.owners]).toEqual(['alice']);
  });

  it.each([
    ['malformed JSON', '{"code": ', 'body'],
    ['an array', '[]', 'body'],
    ['a missing field', JSON.stringify({ ...backtestBody(), symbol: undefined }), 'symbol'],
    ['an unknown field', JSON.stringify(backtestBody({ start_date: '2022-01-01' })), 'start_date'],
    ['a wrong type', JSON.stringify(backtestBody({ cash: '10000' })), 'cash'],
    ['a bad date', JSON.stringify(backtestBody({ startDate: '2022-13-01' })), 'startDate'],
    ['an unknown language', JSON.stringify(backtestBody({ language: 'ruby' })), 'language'],
    ['a bad limit', JSON.stringify(backtestBody({ limits: { timeoutMs: -1 } })), 'timeoutMs'],
    ['an infinite cash (1e400 in JSON)', JSON.stringify(backtestBody()).replace(/}$/, ',"cash":1e400}'), 'cash'],
    ['a fee of 1', JSON.stringify(backtestBody({ fee: 1 })), 'fee'],
    ['an unknown mode', JSON.stringify(backtestBody({ mode: 'LIVELY' })), 'mode'],
    ['PAPER (not built yet)', JSON.stringify(backtestBody({ mode: 'PAPER' })), 'mode'],
  ])('answers %s with 400 INVALID_REQUEST naming the field', async (_name, body, field) => {
    const { call, deps } = testApp();
    const response = await call('/v1/executions', { as: 'alice', method: 'POST', body });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.details.field).toBe(field);
    expect((await deps.repo.list('alice', { limit: 10 })).items).toEqual([]);
  });

  it('answers a body over the limit with 413 INVALID_REQUEST, before running anything', async () => {
    const { call, runtime } = testApp({ limits: { maxBodyBytes: 10_000 } });
    const code = `// ${'x'.repeat(20_000)}`;
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody({ code }) });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'body' } });
    expect(runtime.jobs).toBe(0);
  });

  it('answers a strategy error with 200 and a failed result (a run that failed, CONTRACT section 3)', async () => {
    const { call } = testApp();
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody({ code: 'raise' }) });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ status: 'failed', error: { code: 'STRATEGY_ERROR', details: { line: 3 } } });
    const listed = await (await call('/v1/executions', { as: 'alice' })).json();
    expect(listed.items[0]).toMatchObject({ id: result.id, status: 'failed', error: { code: 'STRATEGY_ERROR' } });
  });

  it('answers rejected code with 400 CODE_REJECTED, the failed result as body', async () => {
    const { call } = testApp();
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody({ code: 'reject' }) });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'failed', error: { code: 'CODE_REJECTED', details: { line: 1 } } });
    expect((await call(`/v1/executions/${body.id}`, { as: 'alice' })).status).toBe(200);
  });

  it.each([
    ['over 200,000 bars', { timeframe: '1m', endDate: '2022-06-01' }],
    ['a timeout over 20 s', { limits: { timeoutMs: 30_000 } }],
  ])('queues a run with %s: 202 {id, status: "queued"}, then the result once a worker ran it', async (_n, extra) => {
    const { call, drain, runtime } = testApp();
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody(extra) });
    expect(response.status).toBe(202);
    const queued = await response.json();
    expect(queued).toEqual({ id: expect.stringMatching(/^exe_/), status: 'queued' });
    expect(response.headers.get('location')).toBe(`/v1/executions/${queued.id}`);
    expect(runtime.jobs).toBe(0);
    expect(await (await call(`/v1/executions/${queued.id}`, { as: 'alice' })).json()).toEqual(queued);
    await drain();
    const result = await (await call(`/v1/executions/${queued.id}`, { as: 'alice' })).json();
    expect(result).toMatchObject({ id: queued.id, status: 'succeeded' });
    await drain();
    expect(runtime.jobs).toBeGreaterThan(0);
  });

  it('shows a queued run as running while a worker has it', async () => {
    const { call, drain, runtime } = testApp();
    const { id } = await (
      await call('/v1/executions', { as: 'alice', json: backtestBody({ limits: { timeoutMs: 25_000 } }) })
    ).json();
    runtime.hold();
    const working = drain();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await (await call(`/v1/executions/${id}`, { as: 'alice' })).json()).toEqual({ id, status: 'running' });
    runtime.release();
    await working;
    expect((await (await call(`/v1/executions/${id}`, { as: 'alice' })).json()).status).toBe('succeeded');
  });
});

describe('blob keys of any user id', () => {
  const SAFE_KEY = /^executions\/u[A-Za-z0-9_-]+\/exe_[0-9a-z]+\/(request|result)\.json$/;

  it('keeps each user under one folder of safe characters, whatever the id holds', async () => {
    const users: Record<string, string> = { [KEYS.alice]: '../bob', [KEYS.bob]: 'bob' };
    const { call, deps, drain } = testApp({ authenticate: (token) => users[token] });
    const mine = await (await call('/v1/executions', { as: 'alice', json: backtestBody() })).json();
    const queued = backtestBody({ limits: { timeoutMs: 25_000 } });
    expect((await call('/v1/executions', { as: 'alice', json: queued })).status).toBe(202);
    const blobs = (deps.blobs as unknown as { blobs: Map<string, Uint8Array> }).blobs;
    expect([...blobs.keys()].some((key) => key.endsWith('request.json'))).toBe(true);
    await drain();
    await call('/v1/executions', { as: 'bob', json: backtestBody() });
    const keys = [...blobs.keys()];
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) expect(key).toMatch(SAFE_KEY);
    const folders = new Set(keys.map((key) => key.split('/')[1]));
    expect(folders.size).toBe(2);
    expect((await call(`/v1/executions/${mine.id}`, { as: 'bob' })).status).toBe(404);
  });

  it('fails closed (500, logged, nothing stored) when authenticate returns an unusable user id', async () => {
    const { call, deps, internalErrors } = testApp({ authenticate: () => 'x'.repeat(129) });
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody() });
    expect(response.status).toBe(500);
    expect((await response.json()).error.code).toBe('INTERNAL');
    expect(internalErrors).toHaveLength(1);
    expect((deps.repo as unknown as { records: Map<string, unknown> }).records.size).toBe(0);
  });
});

describe('bounds on what a request may hand the server', () => {
  it.each([
    ['a timeframe of 600,000 characters', { timeframe: '1'.repeat(600_000) }, 'timeframe'],
    ['a symbol of 100 characters', { symbol: 'B'.repeat(100) }, 'symbol'],
    ['a strategyId of 600,000 characters', { strategyId: 's'.repeat(600_000) }, 'strategyId'],
    ['a provider id of 33 characters', { providerId: 'p'.repeat(33) }, 'providerId'],
    ['a control character in the symbol', { symbol: 'BTC/USD\u0000' }, 'symbol'],
    ['an escape sequence in the strategy id', { strategyId: '\u001b[2Jx' }, 'strategyId'],
    ['parameters nested 100,000 deep', { parameters: 'deep' }, 'parameters'],
    ['parameters nested 9 deep', { parameters: { a: [[[[[[[[1]]]]]]]] } }, 'parameters'],
    ['parameters over 64 KB as JSON', { parameters: { blob: 'x'.repeat(70_000) } }, 'parameters'],
  ])('answers %s with 400 INVALID_REQUEST naming the field, storing and running nothing', async (_n, extra, field) => {
    const { call, deps, runtime } = testApp();
    const fields: Record<string, unknown> = { ...backtestBody(), ...extra };
    // A nesting JSON.stringify could not even write: the text is built by hand.
    const body =
      fields.parameters === 'deep'
        ? JSON.stringify(fields).replace('"deep"', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)
        : JSON.stringify(fields);
    const response = await call('/v1/executions', { as: 'alice', method: 'POST', body });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).error).toMatchObject({ code: 'INVALID_REQUEST', details: { field } });
    expect(text.length).toBeLessThan(1000);
    expect(runtime.jobs).toBe(0);
    expect((await deps.repo.list('alice', { limit: 10 })).items).toEqual([]);
  });

  it.each([
    ['a field name of 100,000 characters', 'f'.repeat(100_000)],
    ['a field name with control characters', 'x\u001b[2J\u0000'],
    ['a limits field name of 100,000 characters', 'limits'],
  ])('answers %s with a short 400 that does not echo it', async (_n, name) => {
    const { call } = testApp();
    const json =
      name === 'limits' ? backtestBody({ limits: { ['l'.repeat(100_000)]: 1 } }) : { ...backtestBody(), [name]: 1 };
    const response = await call('/v1/executions', { as: 'alice', json });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('INVALID_REQUEST');
    expect(text.length).toBeLessThan(500);
    expect(text).not.toMatch(/\\u001b|\\u0000/);
  });

  it('keeps flat parameters up to the limits', async () => {
    const { call } = testApp();
    const parameters = {
      fast: 10,
      slow: 30,
      levels: [
        [1, 2],
        [3, 4],
      ],
      name: 'x'.repeat(60_000),
    };
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody({ parameters }) });
    expect(response.status).toBe(200);
    expect((await response.json()).request.parameters).toEqual(parameters);
  });

  it.each([
    ['python', 100_001],
    ['javascript', 1024 * 1024 + 1],
  ])(
    'refuses %s code over its runtime’s size limit with 400 CODE_REJECTED before queueing it',
    async (language, size) => {
      const { call, deps, runtime, queue } = testApp();
      const code = `# ${'x'.repeat(size)}`;
      // Queued (a long timeout) so that only the API's own check can stop it before it is stored.
      const body = backtestBody({ code, language, limits: { timeoutMs: 60_000 } });
      const response = await call('/v1/executions', { as: 'alice', json: body });
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: 'CODE_REJECTED', details: { line: 1, field: 'code' } });
      expect(error.message).toMatch(language === 'python' ? /larger than 100 KB$/ : /larger than 1 MB$/);
      expect(queue).toEqual([]);
      expect(runtime.jobs).toBe(0);
      expect((await deps.repo.list('alice', { limit: 10 })).items).toEqual([]);
    },
  );
});

describe('GET /v1/executions', () => {
  async function fill(call: ReturnType<typeof testApp>['call'], clock: { time: number }, count: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      clock.time += 1000;
      ids.push((await (await call('/v1/executions', { as: 'alice', json: backtestBody() })).json()).id);
    }
    return ids;
  }

  it('pages newest first with ?limit and ?cursor, every run once', async () => {
    const { call, clock } = testApp();
    const ids = await fill(call, clock, 5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page: { items: Array<{ id: string; userId?: string }>; next: string | null } = await (
        await call(`/v1/executions?limit=2${query}`, { as: 'alice' })
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.items[0]).not.toHaveProperty('userId');
      expect(page.items[0]).not.toHaveProperty('resultKey');
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next;
    } while (cursor !== null);
    expect(seen).toEqual([...ids].reverse());
  });

  it('rejects a bad limit or cursor with 400', async () => {
    const { call } = testApp();
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=%%%']) {
      const response = await call(`/v1/executions?${query}`, { as: 'alice' });
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code).toBe('INVALID_REQUEST');
    }
  });

  it("keeps users apart: another user's id is a 404 and their list is empty", async () => {
    const { call } = testApp();
    const { id } = await (await call('/v1/executions', { as: 'alice', json: backtestBody() })).json();
    const response = await call(`/v1/executions/${id}`, { as: 'bob' });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
    expect(await (await call('/v1/executions', { as: 'bob' })).json()).toEqual({ items: [], next: null });
    expect((await call('/v1/executions/exe_doesnotexist', { as: 'alice' })).status).toBe(404);
  });
});

describe('limits and faults', () => {
  it('answers 429 RATE_LIMITED with Retry-After once the bucket is empty, per user', async () => {
    const { call, clock } = testApp({ rateLimit: { capacity: 3, refillPerSecond: 0.5 } });
    for (let i = 0; i < 3; i++) expect((await call('/v1/executions', { as: 'alice' })).status).toBe(200);
    const limited = await call('/v1/executions', { as: 'alice' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    expect((await call('/v1/executions', { as: 'bob' })).status).toBe(200);
    clock.time += 2000;
    expect((await call('/v1/executions', { as: 'alice' })).status).toBe(200);
  });

  it("caps a user's runs at once: a third synchronous run while two run is 429 with Retry-After, others go on", async () => {
    const { call, deps, runtime } = testApp({ runSlots: createRunSlots({ maxRunningPerUser: 2 }) });
    runtime.hold();
    const running = [call('/v1/executions', { as: 'alice', json: backtestBody() })];
    running.push(call('/v1/executions', { as: 'alice', json: backtestBody() }));
    await until(() => runtime.jobs === 2);
    // Without a cap the third would wait for the held runtime like the first two.
    const third = await Promise.race([call('/v1/executions', { as: 'alice', json: backtestBody() }), sleep(300)]);
    expect(third, 'the third run was not refused').toBeDefined();
    const refused = third as TestResponse;
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await refused.json()).error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 5 } });
    expect((await deps.repo.list('alice', { limit: 10 })).items).toHaveLength(2);
    running.push(call('/v1/executions', { as: 'bob', json: backtestBody() }));
    await until(() => runtime.jobs === 3);
    runtime.release();
    expect((await Promise.all(running)).map((response) => response.status)).toEqual([200, 200, 200]);
    expect((await call('/v1/executions', { as: 'alice', json: backtestBody() })).status).toBe(200);
  });

  it("caps a user's queued runs until a worker ended them: 429 with Retry-After, others go on", async () => {
    const { call, deps, drain } = testApp({ runSlots: createRunSlots({ maxQueuedPerUser: 2 }) });
    const queued = backtestBody({ limits: { timeoutMs: 25_000 } });
    for (let i = 0; i < 2; i++) expect((await call('/v1/executions', { as: 'alice', json: queued })).status).toBe(202);
    const refused = await call('/v1/executions', { as: 'alice', json: queued });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
    expect((await deps.repo.list('alice', { limit: 10 })).items).toHaveLength(2);
    expect((await call('/v1/executions', { as: 'bob', json: queued })).status).toBe(202);
    await drain();
    expect((await call('/v1/executions', { as: 'alice', json: queued })).status).toBe(202);
  });

  it('answers an unexpected throw with a bland 500 INTERNAL: no message, path, stack or environment', async () => {
    const secret = '/home/operator/.stratex/store/secret-table';
    const failing = Object.assign(new Error(`EACCES: permission denied, open '${secret}'`), { path: secret });
    const { call, internalErrors } = testApp({
      repo: {
        create: async () => undefined,
        update: async () => true,
        get: async () => {
          throw failing;
        },
        list: async () => {
          throw failing;
        },
      },
    });
    for (const path of ['/v1/executions', '/v1/executions/exe_abc']) {
      const response = await call(path, { as: 'alice' });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text).error).toEqual({ code: 'INTERNAL', message: expect.any(String) });
      expect(text).not.toMatch(/operator|EACCES|secret|stratex\/store/);
      expect(text).not.toMatch(STACK_FRAME);
      expect(text).not.toContain(process.cwd());
    }
    expect(internalErrors).toEqual([failing, failing]);
  });

  it('answers an INTERNAL error a port threw with the bland message, its own only in the log', async () => {
    const { call, deps, internalErrors } = testApp();
    const failing = new StratexError('INTERNAL', 'blob executions/alice/x: could not write it (EACCES) at /srv/blobs');
    deps.blobs.put = async () => {
      throw failing;
    };
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody() });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
    expect(text).not.toMatch(/EACCES|srv|blob/);
    expect(internalErrors).toContain(failing);
  });

  it('ends a run whose result cannot be stored as failed, rather than running forever', async () => {
    const { call, deps, internalErrors } = testApp();
    deps.blobs.put = async () => {
      throw new Error('ENOSPC: no space left on device, write /var/lib/stratex/blobs');
    };
    const response = await call('/v1/executions', { as: 'alice', json: backtestBody() });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/ENOSPC|var\/lib/);
    expect(internalErrors).toHaveLength(1);
    const [item] = (await (await call('/v1/executions', { as: 'alice' })).json()).items;
    const stored = await (await call(`/v1/executions/${item.id}`, { as: 'alice' })).json();
    expect(stored).toEqual({ id: item.id, status: 'failed', error: { code: 'INTERNAL', message: expect.any(String) } });
  });
});
