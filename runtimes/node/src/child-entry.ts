/**
 * The file the child process runs. Compiled, that is dist/child/main.bundle.mjs: dist/child/main.js
 * and the ~20 modules it imports in one file (writeChildBundle, run after tsc by the build), so each
 * child starts without resolving and loading them one by one; while that bundle is missing or older
 * than its inputs, dist/child/main.js itself. When the package's sources run directly (vitest), the
 * child is bundled from src/child/main.ts into a temporary .mjs (named by its content, so parallel
 * test workers share it) with isolated-vm referenced by absolute path.
 */

import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { type FileStamp, stampOf, stampsMatch } from './file-stamps.js';
import { runningFromSources } from './prelude-bundle.js';

let cached: Promise<string> | undefined;

const compiledMain = () => fileURLToPath(new URL('./child/main.js', import.meta.url));
const bundledMain = () => fileURLToPath(new URL('./child/main.bundle.mjs', import.meta.url));
/** Beside the bundle: each input (relative to the bundle's directory) → [size, mtimeMs] when bundled. */
const stampsFile = () => fileURLToPath(new URL('./child/main.bundle.json', import.meta.url));

/** Absolute path of the child's entry script. */
export function defaultChildEntry(): Promise<string> {
  if (!runningFromSources) return Promise.resolve(freshChildBundle() ?? compiledMain());
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

/**
 * Writes dist/child/main.bundle.mjs (with its source map, and the stamps of its inputs) from the
 * compiled child; the build runs it after tsc. isolated-vm stays an import, resolved as main.js's is.
 */
export async function writeChildBundle(): Promise<string> {
  if (runningFromSources) throw new Error('the child bundle is made from the compiled package');
  const { build } = await import('esbuild');
  const outfile = bundledMain();
  const startedAt = Date.now();
  const result = await build({
    entryPoints: [compiledMain()],
    outfile,
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['isolated-vm'],
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  const dir = dirname(outfile);
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(input));
  const stamps = Object.fromEntries(inputs.map((input) => [relative(dir, input), stampOf(input)]));
  // An input written while esbuild read it could be newer than what was bundled (50 ms: file times
  // come from a coarser clock than Date.now()).
  if (Object.values(stamps).some((stamp) => stamp === undefined || stamp[1] >= startedAt - 50)) {
    throw new Error("the child bundle's inputs changed while it was made; build again");
  }
  for (const file of result.outputFiles) writeAtomically(file.path, file.text);
  // The stamps last: until they are written, the bundle is not used (or the old stamps reject it).
  writeAtomically(stampsFile(), JSON.stringify(stamps));
  return outfile;
}

function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** The bundled child when it exists and every input still has the size and time it was bundled from. */
function freshChildBundle(): string | undefined {
  const bundle = bundledMain();
  try {
    const stamps = JSON.parse(readFileSync(stampsFile(), 'utf8')) as Record<string, FileStamp>;
    const fresh = statSync(bundle, { throwIfNoEntry: false }) !== undefined && stampsMatch(dirname(bundle), stamps);
    return fresh ? bundle : undefined;
  } catch {
    return undefined;
  }
}
