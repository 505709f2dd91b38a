/**
 * The key vault used by several stratex processes at once: real `node` processes on one STRATEX_HOME
 * (test-support/vault-child.mjs, running these TypeScript sources), real files, no mocks.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StratexError } from '@stratex/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './key-file-lock.js';
import { createLocalKeyVault, KEY_FILE, MASTER_KEY_FILE } from './local-key-vault.js';

const support = fileURLToPath(new URL('./test-support/', import.meta.url));
const KRAKEN = { apiKey: 'kraken-api-key-0123456789', secret: 'kraken-secret-ABCDEFGHIJKLMNOP' };

let home: string;
let transpileCache: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  // One child transpiles the sources it loads; the others then start in ~0.4 s instead of ~2.5 s of CPU each.
  transpileCache = await mkdtemp(join(tmpdir(), 'stratex-vault-ts-'));
  await exitCode(vaultProcess(['load'], transpileCache));
});
afterAll(async () => {
  await rm(transpileCache, { recursive: true, force: true });
});
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'stratex-vault-lock-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await rm(home, { recursive: true, force: true });
});

/** A stratex process on `stratexHome` running one vault-child.mjs command. */
function vaultProcess(args: string[], stratexHome = home): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@stratex/source',
      '--import',
      join(support, 'ts-source-loader.mjs'),
      join(support, 'vault-child.mjs'),
      ...args,
    ],
    {
      env: { ...process.env, STRATEX_HOME: stratexHome, STRATEX_TS_CACHE: transpileCache },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return child;
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`vault child exited ${code}: ${stderr}`);
  return code;
}

/** Until the child prints `line` (e.g. "held": it holds the lock). */
async function printed(child: ChildProcess, line: string): Promise<void> {
  let out = '';
  for await (const chunk of child.stdout ?? []) {
    out += chunk;
    if (out.includes(`${line}\n`)) return;
  }
  throw new Error(`the vault child ended before printing ${line}`);
}

/** A pid that no process has now: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 0;
}

const files = async () => (await readdir(home)).sort();

describe('the key vault across processes', () => {
  it('keeps every provider when six processes set keys at the same moment, round after round', async () => {
    const providers = ['kraken', 'binance', 'binanceus', 'alpaca', 'coinbase', 'bybit'];
    const rounds = 30;
    await createLocalKeyVault({ home }).set('okx', KRAKEN); // deleted by a seventh process meanwhile
    const racers = [
      ...providers.map((id) => vaultProcess(['set', id, String(rounds)])),
      vaultProcess(['delete', 'okx']),
    ];
    // Each child loads its modules, then waits for its line: all start their changes together.
    await Promise.all(racers.map((child) => printed(child, 'ready')));
    for (const child of racers) child.stdin?.write('go\n');
    await Promise.all(racers.map(exitCode));

    const vault = createLocalKeyVault({ home });
    for (const id of providers) {
      expect(await vault.get(id)).toEqual({ apiKey: `${id}-key-${rounds - 1}`, secret: `${id}-secret-${rounds - 1}` });
    }
    expect(await vault.get('okx')).toBeUndefined();
    expect(await files()).toEqual([KEY_FILE, MASTER_KEY_FILE]);
  });

  it('breaks a lock left by a process that died, and the change goes through', async () => {
    await createLocalKeyVault({ home }).set('kraken', KRAKEN);
    const leftover = { pid: deadPid(), host: hostname(), since: Date.now(), token: 'left-by-a-dead-process' };
    await writeFile(join(home, LOCK_FILE), JSON.stringify(leftover), { mode: 0o600 });
    const vault = createLocalKeyVault({ home, lockWaitMs: 1_000 });
    await vault.set('alpaca', { apiKey: 'alpaca-key', secret: 'alpaca-secret' });
    expect(await vault.get('kraken')).toEqual(KRAKEN);
    expect(await vault.get('alpaca')).toEqual({ apiKey: 'alpaca-key', secret: 'alpaca-secret' });
    expect(await files()).toEqual([KEY_FILE, MASTER_KEY_FILE]);
  });

  it('breaks a lock older than any change, even unreadable or with a pid it cannot check', async () => {
    const lock = join(home, LOCK_FILE);
    await writeFile(lock, '', { mode: 0o600 }); // as if its owner died between creating and writing it
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await utimes(lock, longAgo, longAgo);
    await createLocalKeyVault({ home, lockWaitMs: 1_000 }).set('kraken', KRAKEN);
    expect(await createLocalKeyVault({ home }).get('kraken')).toEqual(KRAKEN);
    expect(await files()).toEqual([KEY_FILE, MASTER_KEY_FILE]);
  });

  it('breaks a lock with our own pid that this process does not hold (a reused pid)', async () => {
    const leftover = { pid: process.pid, host: hostname(), since: Date.now(), token: 'an-earlier-process' };
    await writeFile(join(home, LOCK_FILE), JSON.stringify(leftover), { mode: 0o600 });
    await createLocalKeyVault({ home, lockWaitMs: 1_000 }).set('kraken', KRAKEN);
    expect(await files()).toEqual([KEY_FILE, MASTER_KEY_FILE]);
  });

  it('fails with a clear error, changing nothing, while a live process holds the lock past the wait', async () => {
    const vault = createLocalKeyVault({ home, lockWaitMs: 300 });
    await createLocalKeyVault({ home }).set('kraken', KRAKEN);
    const before = await readFile(join(home, KEY_FILE));
    const holder = vaultProcess(['hold']);
    await printed(holder, 'held');

    const startedAt = Date.now();
    const error = await vault.set('alpaca', { apiKey: 'alpaca-key', secret: 'alpaca-secret' }).catch((e) => e);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(StratexError);
    expect((error as StratexError).code).toBe('INTERNAL');
    expect((error as StratexError).message).toMatch(
      new RegExp(`another stratex process \\(pid ${holder.pid}\\) .*holds the key vault's lock; nothing was changed`),
    );
    expect((error as StratexError).message).toMatch(/delete keys.lock in STRATEX_HOME/);
    expect((error as StratexError).message).not.toContain(home);
    await expect(vault.delete('kraken')).rejects.toThrow(/holds the key vault's lock/);
    expect(await readFile(join(home, KEY_FILE))).toEqual(before);
    expect(await vault.get('kraken')).toEqual(KRAKEN); // reads take no lock

    // The holder dies with its lock in place: the next change breaks it.
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    expect(await files()).toContain(LOCK_FILE);
    await vault.set('alpaca', { apiKey: 'alpaca-key', secret: 'alpaca-secret' });
    expect(await vault.get('kraken')).toEqual(KRAKEN);
    expect(await files()).toEqual([KEY_FILE, MASTER_KEY_FILE]);
  });

  it('ends in the error, not a loop, when keys.lock is something it can neither take nor read', async () => {
    await symlink(join(home, 'nowhere'), join(home, LOCK_FILE)); // EEXIST to create, ENOENT to read
    const startedAt = Date.now();
    await expect(createLocalKeyVault({ home, lockWaitMs: 200 }).set('kraken', KRAKEN)).rejects.toThrow(
      /another stratex process is changing the stored keys/,
    );
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it('removes its lock when the change fails', async () => {
    const vault = createLocalKeyVault({ home });
    await writeFile(join(home, MASTER_KEY_FILE), Buffer.alloc(31), { mode: 0o600 }); // damaged: the write fails
    await expect(vault.set('kraken', KRAKEN)).rejects.toThrow(/master key .* is damaged/);
    expect(await files()).toEqual([MASTER_KEY_FILE]);

    await rm(join(home, MASTER_KEY_FILE));
    await vault.set('kraken', KRAKEN);
    await writeFile(join(home, KEY_FILE), '{"version":1,"iv":"","tag":"","data":""}'); // the read fails
    await expect(vault.delete('kraken')).rejects.toThrow(/integrity check/);
    await expect(vault.set('alpaca', KRAKEN)).rejects.toThrow(/integrity check/);
    expect(await files()).toEqual([KEY_FILE, MASTER_KEY_FILE]);
  });
});
