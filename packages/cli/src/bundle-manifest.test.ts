import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ENTRY, freshBundle, MANIFEST_FILE, manifestOf } from './bundle-manifest.js';

/** A bundle directory beside one input file, with its manifest as the bundle script writes it. */
function bundleOf(input: string) {
  const root = mkdtempSync(join(tmpdir(), 'stratex-bundle-'));
  const dir = join(root, 'bundle');
  mkdirSync(dir);
  const path = join(root, 'input.js');
  writeFileSync(path, input);
  writeFileSync(join(dir, BUNDLE_ENTRY), '// bundle');
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifestOf(dir, [path])));
  return { dir, path };
}

describe('the CLI bundle', () => {
  it('is used while every input keeps the size and modification time it was bundled from', () => {
    const { dir, path } = bundleOf('export const a = 1;');
    expect(freshBundle(dir, {})).toBe(join(dir, BUNDLE_ENTRY));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(freshBundle(dir, {})).toBeUndefined();
  });

  it('is not used when an input changed size, is gone, the manifest is unreadable, or STRATEX_NO_BUNDLE is set', () => {
    const changed = bundleOf('export const a = 1;');
    writeFileSync(changed.path, 'export const a = 10;');
    expect(freshBundle(changed.dir, {})).toBeUndefined();

    const gone = bundleOf('x');
    writeFileSync(join(gone.dir, MANIFEST_FILE), JSON.stringify({ witnesses: { '../nowhere.js': [1, 1] } }));
    expect(freshBundle(gone.dir, {})).toBeUndefined();

    const broken = bundleOf('x');
    writeFileSync(join(broken.dir, MANIFEST_FILE), '{ not json');
    expect(freshBundle(broken.dir, {})).toBeUndefined();
    writeFileSync(join(broken.dir, MANIFEST_FILE), JSON.stringify({ witnesses: {} }));
    expect(freshBundle(broken.dir, {})).toBeUndefined();

    const fine = bundleOf('x');
    expect(freshBundle(fine.dir, { STRATEX_NO_BUNDLE: '1' })).toBeUndefined();
    expect(freshBundle(join(fine.dir, 'missing'), {})).toBeUndefined();
  });

  it("stands for a compiled package's files by its tsc build info, which tsc rewrites on every compile", () => {
    const root = mkdtempSync(join(tmpdir(), 'stratex-bundle-package-'));
    const dir = join(root, 'bundle');
    mkdirSync(dir);
    mkdirSync(join(root, 'pkg', 'dist'), { recursive: true });
    writeFileSync(join(root, 'pkg', 'package.json'), '{}');
    const buildInfo = join(root, 'pkg', 'tsconfig.build.tsbuildinfo');
    writeFileSync(buildInfo, '{}');
    const inputs = ['a.js', 'b.js'].map((name) => join(root, 'pkg', 'dist', name));
    for (const input of inputs) writeFileSync(input, 'export {};');
    const manifest = manifestOf(dir, inputs);
    expect(Object.keys(manifest.witnesses)).toEqual([join('..', 'pkg', 'tsconfig.build.tsbuildinfo')]);
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    writeFileSync(join(dir, BUNDLE_ENTRY), '// bundle');
    expect(freshBundle(dir, {})).toBe(join(dir, BUNDLE_ENTRY));
    utimesSync(buildInfo, new Date(), new Date(Date.now() + 5000));
    expect(freshBundle(dir, {})).toBeUndefined();
  });

  it('refuses to record an input that is missing', () => {
    const { dir } = bundleOf('x');
    expect(() => manifestOf(dir, [join(dir, 'nowhere.js')])).toThrow(/missing/);
  });
});
