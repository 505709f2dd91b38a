/** `createLocalServer` as `stratex serve` starts it: real HTTP on 127.0.0.1, real runtimes, the embedded store. */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createRunSlots } from '@stratex/api';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleBacktestRequest } from '../../../../testing/example-request.js';
import { describeWithPython } from '../../../../testing/python.js';
import { hasSharedData, sharedPath } from '../../../../testing/shared-data.js';
import { openLocalExecutions } from '../executions.js';
import { createLocalExecution } from '../local-execution.js';
import { systemClock } from '../system-clock.js';
import { API_KEY_HASH_FILE } from './api-key.js';
import { checkHost } from './host-policy.js';
import { createLocalServer, LOCAL_USER, type LocalServer } from './local-server.js';
import { http, pollResult, smaCrossBody } from './test-support/http.js';

const homes: string[] = [];
const servers: LocalServer[] = [];

function tempHome(): string {
  const home = join(mkdtempSync(join(tmpdir(), 'stratex-home-')), 'home');
  homes.push(home);
  return home;
}

async function start(options: Parameters<typeof createLocalServer>[0]): Promise<LocalServer> {
  const server = await createLocalServer({ port: 0, env: {}, onInternalError: () => undefined, ...options });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const home of homes.splice(0)) rmSync(join(home, '..'), { recursive: true, force: true });
});

describe('the API key of the local user', () => {
  it('is made at the first start, kept only as its SHA-256 (0600), and taken again after a restart', async () => {
    const home = tempHome();
    const first = await start({ home });
    const key = first.apiKey.generated;
    expect(first.apiKey.source).toBe('generated');
    expect(key).toMatch(/^sx_[A-Za-z0-9_-]{43}$/);
    const file = join(home, API_KEY_HASH_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(createHash('sha256').update(key!).digest('hex'));
    expect(readFileSync(file, 'utf8')).not.toContain(key!);
    expect((await http(first.url, '/v1/executions', { key })).status).toBe(200);
    await first.close();

    const second = await start({ home });
    expect(second.apiKey).toEqual({ source: 'stored' });
    expect((await http(second.url, '/v1/executions', { key })).status).toBe(200);
    expect((await http(second.url, '/v1/executions', { key: `${key}x` })).status).toBe(401);
    expect((await http(second.url, '/v1/executions')).status).toBe(401);
  });

  it('is STRATEX_API_KEY when set (nothing stored), and a short one is refused', async () => {
    const home = tempHome();
    const key = 'my-own-local-key-0123';
    const server = await start({ home, env: { STRATEX_API_KEY: key } });
    expect(server.apiKey).toEqual({ source: 'environment' });
    expect(existsSync(join(home, API_KEY_HASH_FILE))).toBe(false);
    expect((await http(server.url, '/v1/executions', { key })).status).toBe(200);
    await expect(start({ home: tempHome(), env: { STRATEX_API_KEY: 'short' } })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });
});

describe('the per-user run caps', () => {
  it('come from STRATEX_MAX_QUEUED_PER_USER and STRATEX_MAX_RUNNING_PER_USER; a bad value is refused at start', async () => {
    const key = 'caps-test-key-0123456789';
    const server = await start({ home: tempHome(), env: { STRATEX_API_KEY: key, STRATEX_MAX_QUEUED_PER_USER: '1' } });
    const body = smaCrossBody();
    const [first, second] = await Promise.all([
      http(server.url, '/v1/executions', { key, json: body }),
      http(server.url, '/v1/executions', { key, json: body }),
    ]);
    expect([first.status, second.status].sort()).toEqual([202, 429]);
    for (const value of ['0', '-1', 'two', '1001', '1.5']) {
      await expect(
        start({ home: tempHome(), env: { STRATEX_API_KEY: key, STRATEX_MAX_RUNNING_PER_USER: value } }),
      ).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'STRATEX_MAX_RUNNING_PER_USER' } });
    }
  });
});

describe('guessing the API key', () => {
  it('is slowed per address: after 20 wrong keys, 429 with Retry-After, even for the right key', async () => {
    const key = 'guess-test-key-0123456789';
    const server = await start({ home: tempHome(), env: { STRATEX_API_KEY: key } });
    for (let i = 0; i < 20; i++) {
      expect((await http(server.url, '/v1/executions', { key: `wrong-${i}-0123456789` })).status).toBe(401);
    }
    const limited = await http(server.url, '/v1/executions', { key: 'wrong-20-0123456789' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect((await http(server.url, '/v1/executions', { key })).status).toBe(429);
    expect((await http(server.url, '/health')).status).toBe(200);
  });
});

describe('where the server listens', () => {
  it('listens on 127.0.0.1 by default and answers /health', async () => {
    const server = await start({ home: tempHome() });
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect((await http(server.url, '/health')).body).toMatchObject({ status: 'ok' });
  });

  it('refuses another host under the process profile, before opening anything', async () => {
    const home = tempHome();
    for (const host of ['0.0.0.0', '192.168.1.10', '::']) {
      await expect(createLocalServer({ home, host, port: 0, env: {}, isolation: 'process' })).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        details: { field: 'host' },
      });
    }
    expect(existsSync(home)).toBe(false);
  });

  it('allows another host under bwrap with a warning, and loopback spellings under process', () => {
    expect(checkHost('0.0.0.0', 'bwrap')).toMatch(/anyone who can reach this address/);
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1'])
      expect(checkHost(host, 'process')).toBeUndefined();
  });

  it('says when the port is taken', async () => {
    const home = tempHome();
    const first = await start({ home });
    await expect(start({ home, port: first.port })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      details: { field: 'port' },
    });
  });
});

describe('shutting down', () => {
  it('ends runs still waiting in the queue as failed, so none stays queued', async () => {
    const home = tempHome();
    const key = 'shutdown-test-key-012345';
    const body = smaCrossBody();
    const server = await start({ home, env: { STRATEX_API_KEY: key }, concurrency: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await http(server.url, '/v1/executions', { key, json: body })).body.id);
    await server.close();
    const again = await start({ home, env: { STRATEX_API_KEY: key } });
    const statuses = await Promise.all(ids.map(async (id) => (await pollResult(again.url, key, id, 5000)).body));
    expect(statuses.every((result) => result.status === 'succeeded' || result.status === 'failed')).toBe(true);
    // The one running when the runtimes stopped failed (or finished); those still waiting say so.
    const abandoned = statuses.filter((result) => /stopped before this run started/.test(result.error?.message));
    expect(abandoned.length).toBeGreaterThan(0);
    expect(abandoned[0].error.code).toBe('INTERNAL');
  });
});

describe('starting after a crash', () => {
  it('queues again the runs a killed server accepted but never ran', async () => {
    const home = tempHome();
    await mkdir(home, { recursive: true });
    // A server that accepts a queued run and dies before its queue ran it.
    const storage = await openLocalExecutions(home);
    const execution = createLocalExecution();
    const dying = createApp({
      executions: execution,
      repo: storage.executions,
      blobs: storage.blobs,
      clock: systemClock,
      authenticate: () => LOCAL_USER,
      enqueue: () => undefined,
      runSlots: createRunSlots(),
    });
    const body = smaCrossBody('2022-01-01', '2022-02-01');
    const accepted = await dying.request('/v1/executions', {
      method: 'POST',
      headers: { authorization: 'Bearer any' },
      body: JSON.stringify(body),
    });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    await execution.close();
    await storage.close();

    const key = 'resume-test-key-0123456789';
    const server = await start({ home, env: { STRATEX_API_KEY: key } });
    expect((await pollResult(server.url, key, id)).body).toMatchObject({ id, status: 'succeeded' });
  });
});

describeWithPython('a Python backtest over HTTP', ['numpy'], () => {
  it.runIf(hasSharedData)(
    'runs examples/sma_cross.py on the shared CSV and matches the CLI’s local execution, trade for trade',
    async () => {
      const csvFile = sharedPath('kraken_BTCUSD_1h_2022.csv');
      const key = 'python-test-key-0123456789';
      const server = await start({ home: tempHome(), env: { STRATEX_API_KEY: key }, csvFile });
      const request = exampleBacktestRequest('sma_cross.py');
      const answer = await http(server.url, '/v1/executions', { key, json: request });
      expect(answer.status).toBe(200);
      expect(answer.body.diagnostics).toMatchObject({ runtime: 'python', bars: 8760, isolation: server.isolation });
      const cli = createLocalExecution({ csvFile });
      const expected = await cli.run(request);
      await cli.close();
      if (expected.status !== 'succeeded') throw new Error(expected.error.message);
      expect(answer.body.trades).toEqual(expected.trades);
      expect(answer.body.metrics).toEqual(expected.metrics);
      expect(answer.body.trades.length).toBeGreaterThan(10);
    },
  );
});
