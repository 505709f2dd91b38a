import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  executionRepoSuite,
  freshExecutionRepo,
  queuedRecord,
} from '../../aws/src/test-support/execution-repo-suite.js';
import { openLocalExecutions } from './executions.js';
import { type EmbeddedDynamo, startEmbeddedDynamo } from './store/embedded-dynamo.js';
import { openLocalCandleStore } from './store/local-candle-store.js';

describe('ExecutionRepo on the embedded store (dynalite in memory)', () => {
  let server: EmbeddedDynamo;
  beforeAll(async () => {
    server = await startEmbeddedDynamo();
  });
  afterAll(() => server?.close());
  executionRepoSuite('embedded dynalite', () => freshExecutionRepo(server.client));
});

describe('local execution storage under STRATEX_HOME', () => {
  const home = mkdtempSync(join(tmpdir(), 'stratex-executions-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const body = new TextEncoder().encode('{"status":"succeeded"}');

  it('shares the embedded server with the candle store and a second opener, and keeps runs across restarts', async () => {
    const record = { ...queuedRecord('local'), resultKey: 'results/one.json' };
    const candles = await openLocalCandleStore(home);
    const first = await openLocalExecutions(home);
    const second = await openLocalExecutions(home);
    try {
      await first.executions.create(record);
      await first.blobs.put(record.resultKey, body);
      expect(await second.executions.get('local', record.id)).toEqual(record);
      expect(await second.blobs.get(record.resultKey)).toEqual(body);
      expect(statSync(join(home, 'blobs', 'results', 'one.json')).mode & 0o777).toBe(0o600);
    } finally {
      await second.close();
      await first.close();
      await candles.close();
    }
    expect(existsSync(join(home, 'store.lock'))).toBe(false);

    const reopened = await openLocalExecutions(home);
    try {
      expect(await reopened.executions.list('local', { limit: 10 })).toEqual({ items: [record] });
      expect(await reopened.blobs.get(record.resultKey)).toEqual(body);
    } finally {
      await reopened.close();
    }
  });
});
