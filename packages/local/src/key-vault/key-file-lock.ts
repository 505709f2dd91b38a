/**
 * The lock on the key file across processes: `keys.lock` beside `keys.enc`, created exclusively
 * (O_CREAT|O_EXCL, mode 0600) and holding its owner's pid, host, start time and a random token. A
 * change to the key file is a read-modify-write; without this lock two processes (`stratex serve` and
 * `stratex keys set`, or two `keys set` at once) both read the old file and the later rename drops the
 * other's key without an error.
 *
 * A lock whose owner is gone (a dead pid on this host, or older than STALE_MS) is broken, but only by
 * the holder of `keys.lock.break`: breakers take turns, so one cannot remove the fresh lock another
 * breaker's waiter has just taken in place of the stale one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StratexError } from '@stratex/core';

export const LOCK_FILE = 'keys.lock';

/** How long a change waits for another process's lock before it fails, by default. */
export const DEFAULT_LOCK_WAIT_MS = 5_000;

/** A lock older than this is a leftover whatever its pid says (a reused pid, another host): a change takes milliseconds. */
export const STALE_MS = 60_000;

interface LockOwner {
  pid: number;
  host: string;
  since: number;
  token: string;
}

/** Tokens of the locks this process holds now: a lock with our pid and another token is a leftover of an earlier process. */
const heldHere = new Set<string>();

/** Runs `change` while holding `<home>/keys.lock`; the lock is removed when it ends, also when it throws. */
export async function withKeyFileLock<T>(home: string, change: () => Promise<T>, waitMs = DEFAULT_LOCK_WAIT_MS) {
  const file = join(home, LOCK_FILE);
  await mkdir(home, { recursive: true, mode: 0o700 });
  const token = await acquire(file, waitMs);
  try {
    return await change();
  } finally {
    await release(file, token);
  }
}

async function acquire(file: string, waitMs: number): Promise<string> {
  const deadline = Date.now() + waitMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    const token = await tryCreate(file);
    if (token !== undefined) return token;
    const broken = await breakIfStale(file);
    // Checked also after a break, so that something odd at keys.lock (e.g. a dangling symlink: EEXIST
    // to create, ENOENT to read) ends in the error, not in a loop.
    if (Date.now() >= deadline) throw busy(await readOwner(file));
    // Jitter so that waiters woken together do not collide again.
    if (!broken) await sleep(pause + Math.random() * pause);
  }
}

/** The new lock's token, or undefined when the file exists already. */
async function tryCreate(file: string): Promise<string | undefined> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: Date.now(),
    token: randomBytes(12).toString('hex'),
  };
  heldHere.add(owner.token); // before the file exists: our own lock is never judged a leftover
  try {
    await writeFile(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
    return owner.token;
  } catch (err) {
    heldHere.delete(owner.token);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw err;
  }
}

/** Removes our lock; one that is no longer ours (broken as stale, then taken by another) stays. */
async function release(file: string, token: string): Promise<void> {
  try {
    if ((await readOwner(file))?.owner?.token === token) await rm(file, { force: true });
  } finally {
    heldHere.delete(token);
  }
}

interface FoundLock {
  /** Undefined while the owner is still writing it (created, not yet written) or when it is unreadable. */
  owner: LockOwner | undefined;
  ageMs: number;
}

async function readOwner(file: string): Promise<FoundLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { owner: parseOwner(text), ageMs: Date.now() - info.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.token === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isStale(found: FoundLock): boolean {
  if (found.ageMs > STALE_MS) return true;
  const owner = found.owner;
  if (owner === undefined || owner.host !== hostname()) return false; // being written, or not ours to probe
  if (owner.pid === process.pid) return !heldHere.has(owner.token);
  return !alive(owner.pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: alive, another user's
  }
}

/**
 * Removes `file` if it is a stale lock; true when it was (or is already gone), so the caller retries
 * at once. Holding `<file>.break` while deciding and removing makes "still the same stale file" hold:
 * no one else removes `file`, and no new lock can appear while it exists.
 */
async function breakIfStale(file: string): Promise<boolean> {
  const found = await readOwner(file);
  if (found === undefined) return true;
  if (!isStale(found)) return false;
  const breaker = `${file}.break`;
  const token = await tryCreate(breaker);
  if (token === undefined) {
    // Another process is breaking it; a breaker that died mid-way leaves a stale `.break`, removed here.
    const other = await readOwner(breaker);
    if (other !== undefined && isStale(other)) await rm(breaker, { force: true });
    return false;
  }
  try {
    const now = await readOwner(file);
    if (now === undefined) return true;
    if (now.owner?.token !== found.owner?.token || !isStale(now)) return false;
    await rm(file, { force: true });
    return true;
  } finally {
    await release(breaker, token);
  }
}

function busy(found: FoundLock | undefined): StratexError {
  const who =
    found?.owner === undefined ? 'another stratex process' : `another stratex process (pid ${found.owner.pid})`;
  return new StratexError(
    'INTERNAL',
    `${who} is changing the stored keys and still holds the key vault's lock; nothing was changed. ` +
      'Try again in a moment; if no other stratex process is running, delete keys.lock in STRATEX_HOME.',
  );
}
