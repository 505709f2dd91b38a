/**
 * The KeyVault of one machine: one AES-256-GCM encrypted file (`keys.enc`) under STRATEX_HOME, its
 * master key in `master.key` beside it. Both are created 0600 on first use; every write goes to a
 * temporary file that is renamed over the old one, so a crash leaves the old file or the new one.
 * Changes (set, delete) hold `keys.lock` around their read-modify-write, so changes made at once by
 * several processes are all kept; reads take no lock, as the rename makes every read see a whole file.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type KeyVault, type MaskedKeys, type ProviderKeys, StratexError } from '@stratex/core';
import { open, seal } from './key-file-cipher.js';
import { DEFAULT_LOCK_WAIT_MS, withKeyFileLock } from './key-file-lock.js';
import { maskKey } from './mask-key.js';

export interface LocalKeyVaultOptions {
  /** Directory of the key files (default: STRATEX_HOME, else ~/.stratex). */
  home?: string;
  /** How long a change waits for another process's lock on the key file before it fails (default 5 s). */
  lockWaitMs?: number;
}

export const KEY_FILE = 'keys.enc';
export const MASTER_KEY_FILE = 'master.key';

type StoredKeys = Record<string, ProviderKeys>;

/** Provider ids: lowercase, as the CLI and API spell them. */
const PROVIDER_ID = /^[a-z][a-z0-9_-]{0,31}$/;

/** The vault under `options.home` (or STRATEX_HOME, or ~/.stratex). */
export function createLocalKeyVault(options: LocalKeyVaultOptions = {}): KeyVault {
  const home = options.home ?? defaultHome();
  const files = { home, keys: join(home, KEY_FILE), master: join(home, MASTER_KEY_FILE) };
  const lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  // Read-modify-write of one file: changes made through this vault run one after another, and each
  // holds the file lock against other processes (and other vaults of this one), so none is lost.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(change: () => Promise<T>): Promise<T> => {
    const locked = () => withKeyFileLock(home, change, lockWaitMs);
    const run = queue.then(locked, locked);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    async get(provider) {
      return (await readStored(files))[checkProvider(provider)];
    },
    async set(provider, keys) {
      const id = checkProvider(provider);
      const clean = checkKeys(keys);
      return exclusive(async () => {
        const stored = await readStored(files);
        stored[id] = clean;
        await writeStored(files, stored);
      });
    },
    async list() {
      const stored = await readStored(files);
      return Object.keys(stored)
        .sort()
        .map((provider) => masked(provider, stored[provider]));
    },
    async delete(provider) {
      const id = checkProvider(provider);
      return exclusive(async () => {
        const stored = await readStored(files);
        if (stored[id] === undefined) return false;
        delete stored[id];
        await writeStored(files, stored);
        return true;
      });
    },
  };
}

function defaultHome(): string {
  const home = process.env.STRATEX_HOME;
  return home !== undefined && home !== '' ? home : join(homedir(), '.stratex');
}

interface VaultFiles {
  home: string;
  keys: string;
  master: string;
}

async function readStored(files: VaultFiles): Promise<StoredKeys> {
  const text = await readIfExists(files.keys);
  if (text === undefined) return {};
  const master = await readIfExists(files.master, null);
  if (master === undefined) {
    throw new StratexError(
      'INTERNAL',
      'the key file exists but its master key (master.key in STRATEX_HOME) is missing; restore it, or delete keys.enc and store your keys again',
    );
  }
  return JSON.parse(open(checkMaster(master), text)) as StoredKeys;
}

async function writeStored(files: VaultFiles, stored: StoredKeys): Promise<void> {
  await mkdir(files.home, { recursive: true, mode: 0o700 });
  const master = await masterKey(files);
  const temp = `${files.keys}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(seal(master, JSON.stringify(stored))), { mode: 0o600, flag: 'wx' });
    await rename(temp, files.keys);
  } finally {
    await rm(temp, { force: true });
  }
}

/** The master key, created (32 random bytes, mode 0600) if this is the vault's first write. */
async function masterKey(files: VaultFiles): Promise<Buffer> {
  const existing = await readIfExists(files.master, null);
  if (existing !== undefined) return checkMaster(existing);
  if ((await readIfExists(files.keys)) !== undefined) await readStored(files); // reports the missing master key
  const key = randomBytes(32);
  try {
    await writeFile(files.master, key, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return checkMaster(await readFile(files.master));
    throw err;
  }
  await chmod(files.master, 0o600);
  return key;
}

async function readIfExists(file: string, encoding: 'utf8'): Promise<string | undefined>;
async function readIfExists(file: string, encoding: null): Promise<Buffer | undefined>;
async function readIfExists(file: string): Promise<string | undefined>;
async function readIfExists(file: string, encoding: 'utf8' | null = 'utf8'): Promise<string | Buffer | undefined> {
  try {
    return await readFile(file, encoding === null ? undefined : encoding);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function checkMaster(key: Buffer): Buffer {
  if (key.length === 32) return key;
  throw new StratexError('INTERNAL', 'the master key (master.key in STRATEX_HOME) is damaged: it is not 32 bytes');
}

function checkProvider(provider: string): string {
  if (PROVIDER_ID.test(provider)) return provider;
  throw new StratexError(
    'INVALID_REQUEST',
    `"${provider}" is not a provider id; use lowercase letters such as kraken`,
    {
      field: 'provider',
    },
  );
}

function checkKeys(keys: ProviderKeys): ProviderKeys {
  for (const field of ['apiKey', 'secret'] as const) {
    if (typeof keys[field] !== 'string' || keys[field].trim() === '') {
      throw new StratexError('INVALID_REQUEST', `the ${field === 'apiKey' ? 'API key' : 'secret'} is empty`, {
        field,
      });
    }
  }
  const clean: ProviderKeys = { apiKey: keys.apiKey.trim(), secret: keys.secret.trim() };
  if (keys.passphrase !== undefined && keys.passphrase !== '') clean.passphrase = keys.passphrase;
  return clean;
}

function masked(provider: string, keys: ProviderKeys): MaskedKeys {
  const shown: MaskedKeys = { provider, apiKey: maskKey(keys.apiKey), secret: maskKey(keys.secret) };
  if (keys.passphrase !== undefined) shown.passphrase = maskKey(keys.passphrase);
  return shown;
}
