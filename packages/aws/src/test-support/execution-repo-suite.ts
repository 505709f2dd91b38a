/**
 * The ExecutionRepo conformance suite: the same tests against every server the DynamoDB repo runs on
 * (the embedded one, DynamoDB Local; real DynamoDB when pointed at it).
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ExecutionRecord, type ExecutionRepo, newExecutionId } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../../../testing/stratex-error.js';
import { ensureTable } from '../candles/candle-table.js';
import { createDynamoExecutionRepo } from '../executions/dynamo-execution-repo.js';
import { MAX_ERROR_MESSAGE } from '../executions/execution-item.js';

/** Makes a fresh repo (an empty table) for each test. */
export type ExecutionRepoFactory = () => Promise<ExecutionRepo>;

let tables = 0;

/** Creates a new executions table on the server behind `client` and a repo over it. */
export async function freshExecutionRepo(client: DynamoDBClient): Promise<ExecutionRepo> {
  const tableName = `executions-test-${process.pid}-${++tables}`;
  await ensureTable(client, tableName);
  return createDynamoExecutionRepo({ client, tableName });
}

const T0 = Date.UTC(2026, 0, 1);
const newUser = () => `user-${randomBytes(4).toString('hex')}`;

/** A queued backtest of `userId` created at `createdAt` (its id sorts by that time). */
export function queuedRecord(userId: string, createdAt = T0): ExecutionRecord {
  return {
    id: newExecutionId(createdAt),
    userId,
    status: 'queued',
    mode: 'BACKTEST',
    createdAt,
    updatedAt: createdAt,
    language: 'python',
    providerId: 'kraken',
    symbol: 'BTC/USD',
    timeframe: '1h',
  };
}

/** Every page of a listing, following `next`. */
async function allPages(repo: ExecutionRepo, userId: string, limit: number) {
  const pages: ExecutionRecord[][] = [];
  let cursor: string | undefined;
  do {
    const page = await repo.list(userId, { limit, cursor });
    pages.push(page.items);
    cursor = page.next;
  } while (cursor !== undefined && pages.length < 100);
  return pages;
}

/** Registers the suite under `name`. */
export function executionRepoSuite(name: string, makeRepo: ExecutionRepoFactory): void {
  describe(`ExecutionRepo conformance: ${name}`, () => {
    it('gives back the record created, optional fields included, only to its owner', async () => {
      const repo = await makeRepo();
      const user = newUser();
      const plain = queuedRecord(user);
      const full: ExecutionRecord = {
        ...queuedRecord(user, T0 + 1),
        status: 'failed',
        mode: 'PAPER',
        strategyId: 'str_1',
        language: 'javascript',
        resultKey: 'results/x.json',
        error: { code: 'TIMEOUT', message: 'the strategy ran longer than 10 s' },
      };
      await repo.create(plain);
      await repo.create(full);
      expect(await repo.get(user, plain.id)).toEqual(plain);
      expect(await repo.get(user, full.id)).toEqual(full);
      expect(await repo.get(newUser(), plain.id)).toBeUndefined();
      expect(await repo.get(user, newExecutionId(T0))).toBeUndefined();
      expect(await repo.get(user, '../etc')).toBeUndefined();
    });

    it('keeps items small: long error messages are cut, properties that are not fields are not stored', async () => {
      const repo = await makeRepo();
      const record = queuedRecord(newUser());
      await repo.create({ ...record, request: { code: 'x'.repeat(50_000) } } as ExecutionRecord);
      expect(await repo.get(record.userId, record.id)).toEqual(record);
      const message = `Traceback: ${'line\n'.repeat(20_000)}`;
      const failed = { status: 'failed' as const, error: { code: 'STRATEGY_ERROR', message } };
      expect(await repo.update(record.userId, record.id, failed, 'queued')).toBe(true);
      const stored = (await repo.get(record.userId, record.id))?.error;
      expect(stored?.code).toBe('STRATEGY_ERROR');
      expect(stored?.message).toBe(`${message.slice(0, MAX_ERROR_MESSAGE)}…`);
    });

    it('refuses to create an id twice and keeps the first record', async () => {
      const repo = await makeRepo();
      const first = queuedRecord(newUser());
      await repo.create(first);
      const err = await rejection(repo.create({ ...first, status: 'running', symbol: 'ETH/USD' }));
      expect(err.code).toBe('INVALID_REQUEST');
      expect(err.message).toBe(`execution ${first.id} exists`);
      expect(await repo.get(first.userId, first.id)).toEqual(first);
    });

    it('refuses a record that is not one (id, status, mode, times)', async () => {
      const repo = await makeRepo();
      const good = queuedRecord(newUser());
      const bad: Array<Partial<ExecutionRecord> & Record<string, unknown>> = [
        { id: 'run-1' },
        { id: 'exe_a/b' },
        { status: 'done' as never },
        { mode: 'SIM' as never },
        { createdAt: Number.NaN },
        { userId: '' },
        { symbol: undefined },
      ];
      for (const change of bad) {
        expect((await rejection(repo.create({ ...good, ...change }))).code).toBe('INVALID_REQUEST');
      }
      expect(await repo.list(good.userId, { limit: 10 })).toEqual({ items: [] });
    });

    it('updates only while the status is the expected one, and never creates', async () => {
      const repo = await makeRepo();
      const record = queuedRecord(newUser());
      await repo.create(record);
      const running = { status: 'running' as const, updatedAt: T0 + 5 };
      expect(await repo.update(record.userId, record.id, running, 'queued')).toBe(true);
      expect(await repo.update(record.userId, record.id, { status: 'failed' }, 'queued')).toBe(false);
      const ended = {
        status: 'succeeded' as const,
        updatedAt: T0 + 9,
        resultKey: `results/${record.id}.json`,
        error: undefined,
      };
      expect(await repo.update(record.userId, record.id, ended, 'running')).toBe(true);
      expect(await repo.get(record.userId, record.id)).toEqual({ ...record, ...ended, error: undefined });
      expect(await repo.update(record.userId, record.id, {}, 'succeeded')).toBe(true);
      expect(await repo.update(record.userId, record.id, {}, 'running')).toBe(false);
      const badTime = repo.update(record.userId, record.id, { updatedAt: Number.NaN }, 'succeeded');
      expect((await rejection(badTime)).code).toBe('INVALID_REQUEST');

      const stranger = newUser();
      expect(await repo.update(stranger, record.id, { status: 'failed' }, 'succeeded')).toBe(false);
      expect(await repo.get(stranger, record.id)).toBeUndefined();
      const unknown = newExecutionId(T0);
      expect(await repo.update(record.userId, unknown, { status: 'running' }, 'queued')).toBe(false);
      expect(await repo.get(record.userId, unknown)).toBeUndefined();
      expect(await repo.get(record.userId, record.id)).toEqual({ ...record, ...ended, error: undefined });
    });

    it('lets exactly one of many concurrent workers take a queued run', async () => {
      const repo = await makeRepo();
      const record = queuedRecord(newUser());
      await repo.create(record);
      const takes = await Promise.all(
        Array.from({ length: 8 }, (_, w) =>
          repo.update(record.userId, record.id, { status: 'running', updatedAt: T0 + w }, 'queued'),
        ),
      );
      expect(takes.filter(Boolean)).toHaveLength(1);
      expect((await repo.get(record.userId, record.id))?.updatedAt).toBe(T0 + takes.indexOf(true));
    });

    it('lists newest first in pages that follow each other, with no next after the last', async () => {
      const repo = await makeRepo();
      const user = newUser();
      const other = newUser();
      const mine = Array.from({ length: 7 }, (_, i) => queuedRecord(user, T0 + i * 1000));
      for (const [i, record] of mine.entries()) {
        await repo.create(record);
        await repo.create(queuedRecord(other, T0 + i * 1000 + 500));
      }
      const newestFirst = mine.slice().reverse();
      const pages = await allPages(repo, user, 3);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(newestFirst);
      expect(await allPages(repo, user, 7)).toEqual([newestFirst]);
      expect(await allPages(repo, user, 100)).toEqual([newestFirst]);
      expect(await repo.list(newUser(), { limit: 1 })).toEqual({ items: [] });
    });

    it('reads only the caller’s items whatever cursor it passes', async () => {
      const repo = await makeRepo();
      const alice = newUser();
      const bob = newUser();
      for (let i = 0; i < 4; i++) {
        await repo.create(queuedRecord(alice, T0 + i * 1000));
        await repo.create(queuedRecord(bob, T0 + i * 1000 + 500));
      }
      const bobsCursor = (await repo.list(bob, { limit: 1 })).next!;
      const viaBobs = await repo.list(alice, { limit: 100, cursor: bobsCursor });
      // Bob's newest is at T0+3500: Alice continues below it, with her own items only.
      expect(viaBobs.items.map((r) => r.userId)).toEqual([alice, alice, alice, alice]);
      const forged = Buffer.from(newExecutionId(T0 + 1500)).toString('base64url');
      const viaForged = await repo.list(alice, { limit: 100, cursor: forged });
      expect(viaForged.items.map((r) => [r.userId, r.createdAt])).toEqual([
        [alice, T0 + 1000],
        [alice, T0],
      ]);
    });

    it('refuses limits outside 1..100 and malformed cursors', async () => {
      const repo = await makeRepo();
      const user = newUser();
      for (const limit of [0, 101, 2.5, Number.NaN, -1]) {
        expect((await rejection(repo.list(user, { limit }))).code).toBe('INVALID_REQUEST');
      }
      const notIds = ['x', '../../etc', 'exe_', `exe_${'a'.repeat(200)}`].map((s) =>
        Buffer.from(s).toString('base64url'),
      );
      const id = newExecutionId(T0);
      const cursors = ['', '!!!', 'ZXhl$', `${Buffer.from(id).toString('base64url')}=`, id, ...notIds];
      for (const cursor of cursors) {
        const err = await rejection(repo.list(user, { limit: 5, cursor }));
        expect([cursor, err.code]).toEqual([cursor, 'INVALID_REQUEST']);
      }
    });
  });
}
