import { mkdtempSync, writeFileSync } from 'node:fs';
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
});
