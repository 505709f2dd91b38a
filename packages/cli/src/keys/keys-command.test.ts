import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { keysCommand } from './keys-command.js';

const API_KEY = 'AKTESTKEY1234567890WXYZ';
const SECRET = 'very-secret-value-0987654321';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'stratex-keys-cli-'));
  vi.stubEnv('STRATEX_HOME', home);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
});

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  };
  return { out, io };
}

describe('stratex keys', () => {
  it('set from flags, list shows masks only, delete removes', async () => {
    const set = await runCli(['keys', 'set', 'alpaca', '--api-key', API_KEY, '--secret', SECRET]);
    expect(set.code).toBe(0);
    expect(set.stdout).toBe('stored the keys for alpaca (API key AKTE…WXYZ)\n');
    const list = await runCli(['keys', 'list']);
    expect(list.stdout).toBe('alpaca      API key AKTE…WXYZ  secret very…4321\n');
    const json = await runCli(['keys', 'list', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({
      keys: [{ provider: 'alpaca', apiKey: 'AKTE…WXYZ', secret: 'very…4321' }],
    });
    for (const run of [set, list, json]) expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(await readFile(join(home, 'keys.enc'), 'utf8')).not.toContain(API_KEY);
    const deleted = await runCli(['keys', 'delete', 'alpaca']);
    expect(deleted.stdout).toBe('deleted the keys for alpaca\n');
    expect((await runCli(['keys', 'list'])).stdout).toMatch(/^no keys stored/);
  });

  it('asks for missing keys on stdin and never echoes them', async () => {
    const stdin = new PassThrough();
    stdin.end(`${API_KEY}\n${SECRET}\n`);
    const { out, io } = capture();
    expect(await keysCommand(['set', 'kraken'], io, { stdin })).toBe(0);
    expect(out.stderr).toBe('kraken API key: \nkraken secret: \n');
    expect(out.stdout + out.stderr).not.toContain(API_KEY);
    const list = await runCli(['keys', 'list', '--json']);
    expect(JSON.parse(list.stdout).keys[0]).toEqual({ provider: 'kraken', apiKey: 'AKTE…WXYZ', secret: 'very…4321' });
  });

  it('does not echo on a terminal either (raw mode), and Ctrl-C stores nothing', async () => {
    const modes: boolean[] = [];
    const tty = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (raw: boolean) => modes.push(raw) });
    const { out, io } = capture();
    const done = keysCommand(['set', 'binance', '--secret', SECRET], io, { stdin: tty });
    tty.write('abcdefgx\u007fhijklmnop\r');
    expect(await done).toBe(0);
    expect(modes).toEqual([true, false]);
    expect(out.stdout).toBe('stored the keys for binance (API key abcd…mnop)\n');
    const cancelled = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
    const again = capture();
    const aborted = keysCommand(['set', 'kraken', '--secret', SECRET], again.io, { stdin: cancelled });
    cancelled.write('half\u0003');
    expect(await aborted).toBe(2);
    expect(again.out.stderr).toMatch(/cancelled; nothing was stored/);
    expect((await runCli(['keys', 'list'])).stdout).not.toMatch(/kraken/);
  });

  it('reports usage errors and unknown providers with the contract codes', async () => {
    const noProvider = await runCli(['keys', 'delete', '--json']);
    expect(noProvider.code).toBe(2);
    expect(JSON.parse(noProvider.stdout).error.code).toBe('INVALID_REQUEST');
    const missing = await runCli(['keys', 'delete', 'kraken']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error NOT_FOUND: no keys are stored for kraken\n');
    expect((await runCli(['keys', 'set', 'kraken', '--bogus'])).code).toBe(2);
    expect((await runCli(['keys', 'frobnicate', 'kraken'])).stderr).toMatch(/unknown action "frobnicate"/);
    expect((await runCli(['keys'])).stdout).toMatch(/^usage: stratex keys set/);
  });
});
