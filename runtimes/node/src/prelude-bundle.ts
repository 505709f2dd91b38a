/**
 * The script every isolate runs first: the SDK (isolate/prelude) bundled with @stratex/indicators by
 * esbuild at first use. From the compiled package it bundles dist and keeps the bundle on disk beside
 * it (sdk-bundle.json, with a hash, the size and the modification time of every input file), so later
 * processes skip esbuild (~0.2 s) until a rebuild changes an input; when the disk is read-only it
 * simply bundles each time. When the sources run directly (vitest) it bundles the TypeScript sources,
 * so tests see current code.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FileStamp, stampOf } from './file-stamps.js';

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
  /** Absolute input path → [size, mtimeMs] when the hashes were taken: checking them reads no file. */
  stamps?: Record<string, [number, number] | undefined>;
  code: string;
}

/**
 * An input modified this close to the cache's own write may have changed again within the file
 * system's timestamp granularity (the "racy" case git knows): its stamp is not trusted, its content is.
 */
const RACY_MS = 2000;

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
  // The first call comes as a child is being started: let it spawn before the files are read.
  await new Promise((resolve) => setImmediate(resolve));
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

function stampsOf(paths: string[]): Record<string, FileStamp | undefined> {
  return Object.fromEntries(paths.map((path) => [path, stampOf(path)]));
}

/**
 * The bundle cached at `path` when every input still has the content it was made from: known from the
 * inputs' sizes and modification times when they match and are not racy, else from their hashes (and
 * then the stamps are written again, so the next process need not read the inputs).
 */
export function readCachedBundle(path: string): string | undefined {
  try {
    const bundle = JSON.parse(readFileSync(path, 'utf8')) as CachedBundle;
    if (typeof bundle.code !== 'string') return undefined;
    const inputs = Object.keys(bundle.inputs);
    const writtenAt = statSync(path).mtimeMs;
    // Taken before any hashing: a file changed after this point shows as changed next time.
    const stamps = stampsOf(inputs);
    const unchanged = inputs.every((input) => {
      const [size, mtimeMs] = bundle.stamps?.[input] ?? [];
      const now = stamps[input];
      return now !== undefined && now[0] === size && now[1] === mtimeMs && now[1] < writtenAt - RACY_MS;
    });
    if (unchanged) return bundle.code;
    const hashes = hashFiles(inputs);
    if (!inputs.every((input) => hashes[input] === bundle.inputs[input])) return undefined;
    writeBundleFile(path, { inputs: bundle.inputs, stamps, code: bundle.code });
    return bundle.code;
  } catch {
    return undefined;
  }
}

/** Caches `code` at `path` with the hashes and stamps of its input files; a failed write is not an error. */
export function writeCachedBundle(path: string, code: string, inputs: string[]): void {
  try {
    const stamps = stampsOf(inputs);
    writeBundleFile(path, { inputs: hashFiles(inputs), stamps, code });
  } catch {
    // An input vanished: bundle again next time.
  }
}

function writeBundleFile(path: string, bundle: CachedBundle): void {
  try {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(bundle));
    renameSync(temporary, path);
  } catch {
    // A read-only install: bundle again next time.
  }
}
