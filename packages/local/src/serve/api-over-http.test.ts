/**
 * The API over real HTTP on 127.0.0.1 with the real local ports: runtimes, the embedded store, the blob
 * folder and the in-process queue. Two users, to prove one never reaches the other's runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../testing/shared-data.js';
import { http, pollResult } from './test-support/http.js';
import { startTwoUserServer, type TwoUserServer, USER_KEYS } from './test-support/two-user-server.js';

const STACK_FRAME = /^\s+at .+[:(]/m;
const smaCrossJs = readFileSync(join(repoRoot, 'examples/sma_cross.js'), 'utf8');

function backtest(overrides: Record<string, unknown> = {}) {
  return {
    code: smaCrossJs,
    language: 'javascript',
    providerId: 'synthetic',
    symbol: 'BTC/USD',
    timeframe: '1h',
    startDate: '2022-01-01',
    endDate: '2022-03-01',
    mode: 'BACKTEST',
    ...overrides,
  };
}

describe('the API over HTTP with the real local ports', () => {
  let server: TwoUserServer;
  beforeAll(async () => {
    server = await startTwoUserServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs a small backtest at once and keeps it: 200, then the same JSON from GET', async () => {
    const answer = await http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest() });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'succeeded', diagnostics: { runtime: 'node', bars: 1416 } });
    expect(answer.body.trades.length).toBeGreaterThan(0);
    const stored = await http(server.url, `/v1/executions/${answer.body.id}`, { key: USER_KEYS.alice });
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(answer.body);
  });

  it("answers another user's id with 404 and lists only the caller's runs", async () => {
    const { body } = await http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest() });
    const other = await http(server.url, `/v1/executions/${body.id}`, { key: USER_KEYS.bob });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    const bobs = await http(server.url, '/v1/executions', { key: USER_KEYS.bob });
    expect(bobs.body.items.map((item: { id: string }) => item.id)).not.toContain(body.id);
  });

  it("never lists another user's runs through a cursor copied from them", async () => {
    for (let i = 0; i < 2; i++) await http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest() });
    const alices = await http(server.url, '/v1/executions?limit=1', { key: USER_KEYS.alice });
    expect(alices.body.next).toEqual(expect.any(String));
    const cursor = encodeURIComponent(alices.body.next);
    const bobs = await http(server.url, `/v1/executions?limit=100&cursor=${cursor}`, { key: USER_KEYS.bob });
    expect(bobs.status).toBe(200);
    const all = await http(server.url, '/v1/executions?limit=100', { key: USER_KEYS.alice });
    const aliceIds = new Set(all.body.items.map((item: { id: string }) => item.id));
    for (const item of bobs.body.items) expect(aliceIds.has(item.id)).toBe(false);
  });

  it('pages the listing newest first through the embedded store, every run once', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await http(server.url, '/v1/executions', { key: USER_KEYS.bob, json: backtest() });
      made.push(body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = await http(server.url, `/v1/executions?limit=2${query}`, { key: USER_KEYS.bob });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.next;
    } while (cursor !== null);
    expect(seen).toEqual([...made].reverse());
  });

  it('queues a run over the synchronous limits (202) and completes it in the background', async () => {
    const answer = await http(server.url, '/v1/executions', {
      key: USER_KEYS.alice,
      json: backtest({ limits: { timeoutMs: 25_000 } }),
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ id: expect.stringMatching(/^exe_/), status: 'queued' });
    const done = await pollResult(server.url, USER_KEYS.alice, answer.body.id);
    expect(done.body).toMatchObject({
      id: answer.body.id,
      status: 'succeeded',
      request: { limits: { timeoutMs: 25_000 } },
    });
  });

  it('answers malformed JSON with 400 INVALID_REQUEST and a body over 2 MB with 413', async () => {
    const bad = await http(server.url, '/v1/executions', { key: USER_KEYS.alice, body: '{"mode": "BACKTEST",' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'body' } });
    const huge = backtest({ code: `${smaCrossJs}\n//${'x'.repeat(2 * 1024 * 1024)}` });
    const tooLarge = await http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: huge });
    expect(tooLarge.status).toBe(413);
    // The unread rest of the body must not poison a kept-alive connection for the next request.
    expect(tooLarge.headers.get('connection')).toBe('close');
    expect(tooLarge.body.error.code).toBe('INVALID_REQUEST');
  });

  it.each([
    ['a timeframe the data layer refuses', { timeframe: '1M' }, 'timeframe'],
    ['an unknown provider', { providerId: 'nasdaq' }, 'provider'],
    ['the csv provider on a server started without --data', { providerId: 'csv' }, 'data'],
  ])('answers %s with 400 INVALID_REQUEST and the failed result', async (_name, extra, field) => {
    const answer = await http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest(extra) });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 'failed', error: { code: 'INVALID_REQUEST', details: { field } } });
  });

  it('answers a strategy that raises with 200 and a failed result without host paths', async () => {
    const code = 'export function strategy(data) { throw new Error("no " + data.length); }';
    const answer = await http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest({ code }) });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'failed', error: { code: 'STRATEGY_ERROR' } });
    expect(answer.text).not.toContain(repoRoot);
  });
});

describe('limits and faults over HTTP', () => {
  it('answers 429 with Retry-After once a user used up the bucket', async () => {
    const server = await startTwoUserServer({
      overrides: () => ({ rateLimit: { capacity: 2, refillPerSecond: 0.25 } }),
    });
    try {
      for (let i = 0; i < 2; i++)
        expect((await http(server.url, '/v1/executions', { key: USER_KEYS.alice })).status).toBe(200);
      const limited = await http(server.url, '/v1/executions', { key: USER_KEYS.alice });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('4');
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect((await http(server.url, '/v1/executions', { key: USER_KEYS.bob })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("caps a user's runs at once across synchronous and queued runs: 429 with Retry-After", async () => {
    const server = await startTwoUserServer({ runLimits: { maxRunningPerUser: 1 } });
    // Busy for a while (well under the timeout), so the second request arrives while it runs.
    const slow = smaCrossJs.replace(
      'export function strategy(data, params) {',
      'export function strategy(data, params) {\n  for (let i = 0; i < 3e8; i++);',
    );
    expect(slow).not.toBe(smaCrossJs);
    try {
      const queued = await http(server.url, '/v1/executions', {
        key: USER_KEYS.alice,
        json: backtest({ code: slow, limits: { timeoutMs: 25_000 } }),
      });
      expect(queued.status).toBe(202);
      for (let seen = 'queued'; seen === 'queued'; ) {
        seen = (await http(server.url, `/v1/executions/${queued.body.id}`, { key: USER_KEYS.alice })).body.status;
      }
      const refused = await http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest() });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect((await http(server.url, '/v1/executions', { key: USER_KEYS.bob, json: backtest() })).status).toBe(200);
      expect((await pollResult(server.url, USER_KEYS.alice, queued.body.id)).body.status).toBe('succeeded');
      const [first, second] = await Promise.all([
        http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest({ code: slow }) }),
        http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest({ code: slow }) }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 429]);
    } finally {
      await server.close();
    }
  });

  it('stores the runs of user ids the blob folder could not name (an e-mail, a slash, dots) each under its own folder', async () => {
    const users: Record<string, string> = { [USER_KEYS.alice]: 'alice@example.com', [USER_KEYS.bob]: '../team/bob' };
    const server = await startTwoUserServer({ overrides: () => ({ authenticate: (token: string) => users[token] }) });
    try {
      const ids: string[] = [];
      for (const key of [USER_KEYS.alice, USER_KEYS.bob]) {
        const answer = await http(server.url, '/v1/executions', { key, json: backtest() });
        expect(answer.status).toBe(200);
        expect((await http(server.url, `/v1/executions/${answer.body.id}`, { key })).body).toEqual(answer.body);
        ids.push(answer.body.id);
      }
      const folders = readdirSync(join(server.home, 'blobs', 'executions'));
      expect(folders).toHaveLength(2);
      for (const folder of folders) expect(folder).toMatch(/^u[A-Za-z0-9_-]+$/);
      expect((await http(server.url, `/v1/executions/${ids[0]}`, { key: USER_KEYS.bob })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('answers a port that throws with a bland 500: no path, message, stack or environment', async () => {
    const secret = join(repoRoot, 'secret', 'store.db');
    const server = await startTwoUserServer({
      overrides: (deps) => ({
        blobs: {
          ...deps.blobs,
          put: async () => {
            throw Object.assign(new Error(`EACCES: permission denied, open '${secret}'`), { path: secret });
          },
        },
      }),
    });
    try {
      const answer = await http(server.url, '/v1/executions', { key: USER_KEYS.alice, json: backtest() });
      expect(answer.status).toBe(500);
      expect(answer.body.error).toEqual({ code: 'INTERNAL', message: expect.any(String) });
      expect(answer.text).not.toMatch(/EACCES|secret|store\.db/);
      expect(answer.text).not.toContain(repoRoot);
      expect(answer.text).not.toMatch(STACK_FRAME);
      expect(answer.text).not.toContain(process.env.HOME ?? '/root');
      expect(server.internalErrors).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
