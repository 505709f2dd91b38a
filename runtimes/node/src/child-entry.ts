/**
 * The file the child process runs. Compiled, that is dist/child/main.js. When the package's sources
 * run directly (vitest), the child is bundled from src/child/main.ts into a temporary .mjs (named by
 * its content, so parallel test workers share it) with isolated-vm referenced by absolute path.
 */

import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { runningFromSources } from './prelude-bundle.js';

let cached: Promise<string> | undefined;

/** Absolute path of the child's entry script. */
export function defaultChildEntry(): Promise<string> {
  if (!runningFromSources) return Promise.resolve(fileURLToPath(new URL('./child/main.js', import.meta.url)));
  cached ??= bundleChildFromSources();
  return cached;
}

/** What of the package the default child reads: the compiled package (dist), or its one bundled file. */
export async function childCode(): Promise<string[]> {
  const entry = await defaultChildEntry();
  return [runningFromSources ? entry : dirname(dirname(entry))];
}

const isolatedVmByPath: Plugin = {
  name: 'isolated-vm-by-path',
  setup(builder) {
    const path = createRequire(import.meta.url).resolve('isolated-vm');
    builder.onResolve({ filter: /^isolated-vm$/ }, () => ({ path, external: true }));
  },
};

async function bundleChildFromSources(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./child/main.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [isolatedVmByPath],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const path = join(tmpdir(), `stratex-runtime-node-child-${hash}.mjs`);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, path);
  return path;
}
