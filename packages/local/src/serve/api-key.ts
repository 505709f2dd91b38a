/**
 * The local user's API key (CONTRACT.md section 6): `STRATEX_API_KEY` when set; otherwise one made at the
 * first start and shown once. Only its SHA-256 is kept (`api-key.sha256`, 0600, under STRATEX_HOME), so
 * a copy of the home directory does not give the key away. Keys are compared as digests in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StratexError } from '@stratex/core';

export const API_KEY_HASH_FILE = 'api-key.sha256';
const MIN_KEY_LENGTH = 16;

export interface LocalApiKey {
  /** True when `token` is the key. */
  matches(token: string): boolean;
  /** Where the key came from. */
  source: 'environment' | 'stored' | 'generated';
  /** The key itself, only when it was made by this start (print it once). */
  generated?: string;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function matcher(expected: Buffer): (token: string) => boolean {
  return (token) => timingSafeEqual(digest(token), expected);
}

/** The key of `home`: from `envKey`, from the stored digest, or a new one. */
export async function loadApiKey(home: string, envKey: string | undefined): Promise<LocalApiKey> {
  if (envKey !== undefined && envKey !== '') {
    if (envKey.length < MIN_KEY_LENGTH) {
      throw new StratexError('INVALID_REQUEST', `STRATEX_API_KEY must have at least ${MIN_KEY_LENGTH} characters`, {
        field: 'STRATEX_API_KEY',
      });
    }
    return { matches: matcher(digest(envKey)), source: 'environment' };
  }
  const file = join(home, API_KEY_HASH_FILE);
  const stored = await readDigest(file);
  if (stored !== undefined) return { matches: matcher(stored), source: 'stored' };
  const key = `sx_${randomBytes(32).toString('base64url')}`;
  await mkdir(home, { recursive: true, mode: 0o700 });
  // `wx`: two servers starting at once cannot both make a key; the second fails instead of overwriting.
  await writeFile(file, `${digest(key).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return { matches: matcher(digest(key)), source: 'generated', generated: key };
}

async function readDigest(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!/^[0-9a-f]{64}$/.test(text.trim())) {
    throw new StratexError(
      'INVALID_REQUEST',
      `${API_KEY_HASH_FILE} under STRATEX_HOME is damaged: delete it to make a new API key`,
    );
  }
  return Buffer.from(text.trim(), 'hex');
}
