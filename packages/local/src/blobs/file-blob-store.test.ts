import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rejection } from '../../../../testing/stratex-error.js';
import { createFileBlobStore } from './file-blob-store.js';

const base = mkdtempSync(join(tmpdir(), 'stratex-blobs-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let roots = 0;
const freshRoot = () => join(base, `root-${++roots}`, 'blobs');

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('file BlobStore', () => {
  it('gives back the bytes put under a key, undefined for a key never put, and deletes idempotently', async () => {
    const root = freshRoot();
    const blobs = createFileBlobStore(root);
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(await blobs.get('results/exe_1.json')).toBeUndefined();
    await blobs.put('results/exe_1.json', every);
    await blobs.put('empty', new Uint8Array(0));
    expect(await blobs.get('results/exe_1.json')).toEqual(every);
    expect(await blobs.get('empty')).toEqual(new Uint8Array(0));
    await blobs.put('results/exe_1.json', Uint8Array.of(7));
    expect(await blobs.get('results/exe_1.json')).toEqual(Uint8Array.of(7));
    await blobs.delete('results/exe_1.json');
    await blobs.delete('results/exe_1.json');
    await blobs.delete('never/put');
    expect(await blobs.get('results/exe_1.json')).toBeUndefined();
    expect(filesUnder(root)).toEqual(['empty']);
  });

  it.skipIf(process.platform === 'win32')('keeps files 0600 and folders 0700', async () => {
    const root = freshRoot();
    const blobs = createFileBlobStore(root);
    await blobs.put('a/b/c.json', Uint8Array.of(1));
    expect(statSync(join(root, 'a', 'b', 'c.json')).mode & 0o777).toBe(0o600);
    for (const dir of [root, join(root, 'a'), join(root, 'a', 'b')]) expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('refuses keys that could leave the root, and writes nothing anywhere for them', async () => {
    const root = freshRoot();
    const blobs = createFileBlobStore(root);
    await blobs.put('inside', Uint8Array.of(1));
    const outside = join(root, '..');
    const before = filesUnder(outside);
    const keys = [
      '../escape',
      'a/../../escape',
      '..',
      '.',
      './a',
      'a/./b',
      '/etc/passwd',
      `${root}/x`,
      'a//b',
      'a/',
      '',
      'a\\..\\b',
      'a\0b',
      'naïve',
      'a b',
      '.hidden',
      'x/.tmp',
      'x'.repeat(513),
      `${'a'.repeat(201)}/b`,
    ];
    for (const key of keys) {
      for (const attempt of [blobs.put(key, Uint8Array.of(9)), blobs.get(key), blobs.delete(key)]) {
        const err = await rejection(attempt);
        expect([key, err.code]).toEqual([key, 'INVALID_REQUEST']);
        expect(err.message).not.toContain(base);
      }
    }
    expect(filesUnder(outside)).toEqual(before);
    expect(await blobs.get('inside')).toEqual(Uint8Array.of(1));
  });

  it('leaves one whole body when writers of the same key race, and readers never see a part', async () => {
    const root = freshRoot();
    const blobs = createFileBlobStore(root);
    const bodies = Array.from({ length: 8 }, () => randomBytes(1 << 20));
    const whole = new Set(bodies.map((b) => b.toString('hex')));
    await blobs.put('race', bodies[0]);
    let writing = true;
    const reads: Array<Uint8Array | undefined> = [];
    const reader = (async () => {
      while (writing) reads.push(await blobs.get('race'));
    })();
    await Promise.all(bodies.map((body) => blobs.put('race', body)));
    writing = false;
    await reader;
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(whole.has(Buffer.from(read!).toString('hex'))).toBe(true);
    expect(whole.has(Buffer.from((await blobs.get('race'))!).toString('hex'))).toBe(true);
    expect(filesUnder(root)).toEqual(['race']);
  });

  it('treats a key that is a folder of other blobs as holding nothing, and says so without host paths', async () => {
    const root = freshRoot();
    const blobs = createFileBlobStore(root);
    await blobs.put('results/exe_1.json', Uint8Array.of(1));
    expect(await blobs.get('results')).toBeUndefined();
    await blobs.delete('results');
    const err = await rejection(blobs.put('results', Uint8Array.of(2)));
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.message).not.toContain(base);
    expect((await rejection(blobs.put('results/exe_1.json/x', Uint8Array.of(3)))).code).toBe('INVALID_REQUEST');
    expect(await blobs.get('results/exe_1.json/x')).toBeUndefined();
    expect(filesUnder(root)).toEqual(['results/exe_1.json']);
  });

  it('fails a write it cannot do with a message that names the key, not the path', async () => {
    const parent = join(base, `blocked-${++roots}`);
    mkdirSync(parent);
    writeFileSync(join(parent, 'blobs'), 'not a folder');
    const err = await rejection(createFileBlobStore(join(parent, 'blobs')).put('k', Uint8Array.of(1)));
    expect(err.message).toContain('blob k');
    expect(err.message).not.toContain(base);
  });
});
