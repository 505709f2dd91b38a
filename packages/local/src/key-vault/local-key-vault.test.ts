import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StratexError } from '@stratex/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalKeyVault, KEY_FILE, MASTER_KEY_FILE } from './local-key-vault.js';
import { maskKey } from './mask-key.js';

const KRAKEN = { apiKey: 'kraken-api-key-0123456789', secret: 'kraken-secret-ABCDEFGHIJKLMNOP' };
const ALPACA = { apiKey: 'AKALPACAKEY00000XYZW', secret: 'alpaca-secret-qwertyuiop', passphrase: 'pass-phrase-1234' };

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'stratex-vault-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
});

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('local key vault', () => {
  it('gives back what was stored, per provider, across instances', async () => {
    await createLocalKeyVault({ home }).set('kraken', KRAKEN);
    await createLocalKeyVault({ home }).set('alpaca', ALPACA);
    const vault = createLocalKeyVault({ home });
    expect(await vault.get('kraken')).toEqual(KRAKEN);
    expect(await vault.get('alpaca')).toEqual(ALPACA);
    expect(await vault.get('binance')).toBeUndefined();
    expect(await vault.delete('kraken')).toBe(true);
    expect(await vault.delete('kraken')).toBe(false);
    expect(await vault.get('kraken')).toBeUndefined();
    expect(await vault.get('alpaca')).toEqual(ALPACA);
  });

  it('creates the master key and the key file with mode 0600, and leaves no temporary file', async () => {
    await createLocalKeyVault({ home }).set('kraken', KRAKEN);
    expect(await mode(join(home, MASTER_KEY_FILE))).toBe(0o600);
    expect(await mode(join(home, KEY_FILE))).toBe(0o600);
    expect((await readFile(join(home, MASTER_KEY_FILE))).length).toBe(32);
    expect((await readdir(home)).sort()).toEqual([KEY_FILE, MASTER_KEY_FILE]);
  });

  it('writes no key in plain text, and a fresh IV on every write', async () => {
    const vault = createLocalKeyVault({ home });
    await vault.set('alpaca', ALPACA);
    const first = await readFile(join(home, KEY_FILE), 'utf8');
    await vault.set('alpaca', ALPACA);
    const second = await readFile(join(home, KEY_FILE), 'utf8');
    for (const text of [first, second]) {
      for (const value of Object.values(ALPACA)) {
        expect(text).not.toContain(value);
        expect(text).not.toContain(Buffer.from(value).toString('base64').slice(0, 12));
      }
    }
    expect(JSON.parse(first).iv).not.toBe(JSON.parse(second).iv);
    expect(JSON.parse(first).data).not.toBe(JSON.parse(second).data);
  });

  it('detects a changed byte of the key file with a clear error', async () => {
    const vault = createLocalKeyVault({ home });
    await vault.set('kraken', KRAKEN);
    const sealed = JSON.parse(await readFile(join(home, KEY_FILE), 'utf8'));
    const data = Buffer.from(sealed.data, 'base64');
    data[3] ^= 1;
    await writeFile(join(home, KEY_FILE), JSON.stringify({ ...sealed, data: data.toString('base64') }));
    const error = await vault.get('kraken').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StratexError);
    expect((error as StratexError).message).toMatch(/failed its integrity check .*delete keys.enc/);
    expect((error as StratexError).message).not.toContain(home);
  });

  it('refuses another master key rather than reading garbage', async () => {
    await createLocalKeyVault({ home }).set('kraken', KRAKEN);
    await writeFile(join(home, MASTER_KEY_FILE), Buffer.alloc(32, 7));
    await expect(createLocalKeyVault({ home }).get('kraken')).rejects.toThrow(/integrity check/);
  });

  it('keeps every change when several are made at once', async () => {
    const vault = createLocalKeyVault({ home });
    const ids = ['kraken', 'binance', 'binanceus', 'alpaca', 'coinbase'];
    await Promise.all(
      ids.map((id) => vault.set(id, { apiKey: `${id}-key-0123456789`, secret: `${id}-secret-0123456789` })),
    );
    expect((await vault.list()).map((entry) => entry.provider)).toEqual([...ids].sort());
  });

  it('lists masks only', async () => {
    const vault = createLocalKeyVault({ home });
    await vault.set('kraken', KRAKEN);
    await vault.set('alpaca', ALPACA);
    const listed = await vault.list();
    expect(listed).toEqual([
      { provider: 'alpaca', apiKey: 'AKAL…XYZW', secret: 'alpa…uiop', passphrase: 'pass…1234' },
      { provider: 'kraken', apiKey: 'krak…6789', secret: 'krak…MNOP' },
    ]);
    expect(JSON.stringify(listed)).not.toContain(KRAKEN.secret);
  });

  it('masks short keys harder', () => {
    expect(maskKey('abcdefghijkl')).toBe('abcd…ijkl');
    expect(maskKey('abcdefgh')).toBe('…gh');
    expect(maskKey('abc')).toBe('…');
  });

  it('lives under STRATEX_HOME when no directory is given', async () => {
    const nested = join(home, 'nested');
    vi.stubEnv('STRATEX_HOME', nested);
    await createLocalKeyVault().set('kraken', KRAKEN);
    expect(await mode(join(nested, KEY_FILE))).toBe(0o600);
    expect(await createLocalKeyVault({ home: nested }).get('kraken')).toEqual(KRAKEN);
  });

  it('rejects bad provider ids and empty keys', async () => {
    const vault = createLocalKeyVault({ home });
    await expect(vault.set('../x', KRAKEN)).rejects.toThrow(/not a provider id/);
    await expect(vault.set('kraken', { apiKey: ' ', secret: 's' })).rejects.toThrow(/API key is empty/);
  });
});
