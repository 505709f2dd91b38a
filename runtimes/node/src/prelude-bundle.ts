/**
 * The script every isolate runs first: the SDK (isolate/prelude) bundled with @stratex/indicators by
 * esbuild at first use. From the compiled package it bundles dist and keeps the bundle on disk beside
 * it (sdk-bundle.json, with a hash of every input file), so later processes skip esbuild (~0.2 s)
 * until a rebuild changes an input; when the disk is read-only it simply bundles each time. When the
 * sources run directly (vitest) it bundles the TypeScript sources, so tests see current code.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Name of the bundle's exports; a local of the wrapper function below, so user code never sees it.
 * The wrapper returns `install` itself: esbuild's export objects are getters, which isolated-vm
 * refuses to read across the boundary.
 */
const BUNDLE_NAME = '__stratexSdk';

/** Whether this module runs from TypeScript sources rather than the compiled package. */
export const runningFromSources = import.meta.url.endsWith('.ts');

const here = dirname(fileURLToPath(import.meta.url));
const entry = resolve(here, 'isolate', `prelude.${runningFromSources ? 'ts' : 'js'}`);
const cachePath = runningFromSources ? undefined : resolve(here, 'isolate', 'sdk-bundle.json');

interface CachedBundle {
  /** Absolute input path → sha256 of its content when the bundle was made. */
  inputs: Record<string, string>;
  code: string;
}

let cached: Promise<string> | undefined;

/** The SDK script; its completion value is the SDK's `install` function. */
export function preludeScript(): Promise<string> {
  cached ??= loadPrelude().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadPrelude(): Promise<string> {
  const fromDisk = cachePath === undefined ? undefined : readCachedBundle(cachePath);
  if (fromDisk !== undefined) return fromDisk;
  const { code, inputs } = await bundle();
  if (cachePath !== undefined) writeCachedBundle(cachePath, code, inputs);
  return code;
}

async function bundle(): Promise<{ code: string; inputs: string[] }> {
  // Loaded only when a bundle is needed: esbuild's API costs tens of ms to import.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: here,
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    globalName: BUNDLE_NAME,
    platform: 'neutral',
    target: 'es2022',
    // Whitespace minification also drops the comments esbuild adds with source file paths.
    minifyWhitespace: true,
    legalComments: 'none',
    conditions: runningFromSources ? ['@stratex/source'] : [],
    logLevel: 'silent',
  });
  return {
    code: `(function () {\n${result.outputFiles[0].text}\nreturn ${BUNDLE_NAME}.install;\n})()`,
    inputs: Object.keys(result.metafile.inputs).map((input) => resolve(here, input)),
  };
}

function hashFiles(paths: string[]): Record<string, string> {
  return Object.fromEntries(paths.map((path) => [path, createHash('sha256').update(readFileSync(path)).digest('hex')]));
}

/** The bundle cached at `path` when every input still has the content it was made from. */
export function readCachedBundle(path: string): string | undefined {
  try {
    const bundle = JSON.parse(readFileSync(path, 'utf8')) as CachedBundle;
    const now = hashFiles(Object.keys(bundle.inputs));
    const fresh = Object.entries(bundle.inputs).every(([input, hash]) => now[input] === hash);
    return fresh && typeof bundle.code === 'string' ? bundle.code : undefined;
  } catch {
    return undefined;
  }
}

/** Caches `code` at `path` with the hashes of its input files; a failed write is not an error. */
export function writeCachedBundle(path: string, code: string, inputs: string[]): void {
  try {
    const bundle: CachedBundle = { inputs: hashFiles(inputs), code };
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(bundle));
    renameSync(temporary, path);
  } catch {
    // A read-only install: bundle again next time.
  }
}
