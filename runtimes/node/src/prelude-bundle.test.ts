import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preludeScript, readCachedBundle, writeCachedBundle } from './prelude-bundle.js';

describe('the SDK bundle', () => {
  it('is a script whose value is the install function, with no host paths in it', async () => {
    const script = await preludeScript();
    expect(script.startsWith('(function () {')).toBe(true);
    expect(script.trimEnd().endsWith('return __stratexSdk.install;\n})()')).toBe(true);
    expect(script).not.toMatch(/\/(work|home|tmp|Users)\/|node_modules/);
  });

  it('is reused from disk only while every input file keeps its content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratex-sdk-cache-'));
    const input = join(dir, 'kernel.js');
    const cache = join(dir, 'sdk-bundle.json');
    writeFileSync(input, 'export const a = 1;');
    writeCachedBundle(cache, 'bundle v1', [input]);
    expect(readCachedBundle(cache)).toBe('bundle v1');
    writeFileSync(input, 'export const a = 2;');
    expect(readCachedBundle(cache)).toBeUndefined();
    writeFileSync(cache, '{ not json');
    expect(readCachedBundle(cache)).toBeUndefined();
    expect(readCachedBundle(join(dir, 'missing.json'))).toBeUndefined();
    expect(() => writeCachedBundle(join(dir, 'no', 'such', 'dir.json'), 'x', [input])).not.toThrow();
  });

  it('trusts sizes and modification times of inputs older than the cache, and hashes the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratex-sdk-stamps-'));
    const input = join(dir, 'kernel.js');
    const cache = join(dir, 'sdk-bundle.json');
    writeFileSync(input, 'export const a = 1;');
    const old = new Date(Date.now() - 60_000);
    utimesSync(input, old, old);
    writeCachedBundle(cache, 'bundle v1', [input]);
    // Same size, same time: only a stamp check is made, so the (unrealistic) silent edit goes unseen.
    writeFileSync(input, 'export const a = 2;');
    utimesSync(input, old, old);
    expect(readCachedBundle(cache)).toBe('bundle v1');
    // A touched input with its old content: hashed, still fresh, and its new stamp is recorded.
    writeFileSync(input, 'export const a = 1;');
    expect(readCachedBundle(cache)).toBe('bundle v1');
    const stamps = JSON.parse(readFileSync(cache, 'utf8')).stamps[input];
    expect(stamps[1]).toBeGreaterThan(old.getTime());
  });
});
