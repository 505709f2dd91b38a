/**
 * One embedded server per STRATEX_HOME: the first stratex process starts it and writes its endpoint
 * into `<dir>.lock` (created exclusively); later processes (the CLI beside `stratex serve`) use that
 * endpoint instead of opening the same LevelDB directory, which would fail. A lock left by a process
 * that is gone is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createLocalDynamoClient, ensureTable } from '@stratex/aws';
import { StratexError } from '@stratex/core';
import { type EmbeddedDynamo, startEmbeddedDynamo } from './embedded-dynamo.js';

interface LockContent {
  pid: number;
  endpoint?: string;
}

const WAIT_FOR_ENDPOINT_MS = 10_000;

/**
 * The shared server of `dir` with `table` created if missing; if creating it fails, the server is
 * released again before the error is thrown.
 */
export async function openSharedTable(dir: string, table: string): Promise<EmbeddedDynamo> {
  const server = await openSharedServer(dir);
  try {
    await ensureTable(server.client, table);
  } catch (err) {
    await server.close();
    throw err;
  }
  return server;
}

/** The server of `dir`: started here, or the one another live process already runs. */
export async function openSharedServer(dir: string): Promise<EmbeddedDynamo> {
  const lockFile = `${dir}.lock`;
  const deadline = Date.now() + WAIT_FOR_ENDPOINT_MS;
  for (;;) {
    if (tryCreate(lockFile)) return startOwned(dir, lockFile);
    const lock = readLock(lockFile);
    if (lock === undefined || !alive(lock.pid)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (lock.endpoint !== undefined) return borrowed(lock.endpoint);
    if (Date.now() > deadline) {
      throw new StratexError(
        'INTERNAL',
        `the local store is being opened by another stratex process (pid ${lock.pid})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function tryCreate(lockFile: string): boolean {
  try {
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid } satisfies LockContent), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function readLock(lockFile: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as LockContent;
  } catch {
    // Missing, or read while being written: treated as stale only if the writer is gone (no pid).
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function startOwned(dir: string, lockFile: string): Promise<EmbeddedDynamo> {
  let server: EmbeddedDynamo;
  try {
    server = await startEmbeddedDynamo(dir);
  } catch (err) {
    rmSync(lockFile, { force: true });
    throw err;
  }
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, endpoint: server.endpoint } satisfies LockContent));
  return {
    ...server,
    close: async () => {
      rmSync(lockFile, { force: true });
      await server.close();
    },
  };
}

function borrowed(endpoint: string): EmbeddedDynamo {
  const client = createLocalDynamoClient(endpoint);
  return { client, endpoint, close: async () => client.destroy() };
}
