/**
 * The CLI's bundle (scripts/bundle.mjs) and how the bin knows it may use it. The bundle holds the
 * compiled workspace packages the CLI imports in a few files, so `stratex` starts without resolving
 * and loading ~150 modules one by one. It is only used while every input still has the size and
 * modification time recorded when it was made: after a rebuild that did not refresh it, the bin
 * falls back to the packages themselves (slower to start, never stale).
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The bundle's entry module, in the bundle's directory. */
export const BUNDLE_ENTRY = 'stratex.js';
export const MANIFEST_FILE = 'manifest.json';

/** Each input of the bundle (path relative to the bundle's directory) → [size, mtimeMs] when bundled. */
export interface BundleManifest {
  inputs: Record<string, [number, number]>;
}

/** The manifest of a bundle in `dir` made from `inputs` (absolute paths), as they are now. */
export function manifestOf(dir: string, inputs: readonly string[]): BundleManifest {
  const stamped = inputs.map((input) => {
    const stamp = stampOf(input);
    if (stamp === undefined) throw new Error(`bundle input ${input} is missing`);
    return [relative(dir, input), stamp];
  });
  return { inputs: Object.fromEntries(stamped) };
}

/**
 * The absolute path of the bundle's entry in `dir` when it is there and fresh, else undefined (also
 * when `STRATEX_NO_BUNDLE` is set, to run the packages themselves).
 */
export function freshBundle(dir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.STRATEX_NO_BUNDLE !== undefined && env.STRATEX_NO_BUNDLE !== '') return undefined;
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;
  } catch {
    return undefined;
  }
  const inputs = Object.entries(manifest.inputs ?? {});
  if (inputs.length === 0) return undefined;
  for (const [path, [size, mtimeMs]] of inputs) {
    const now = stampOf(resolve(dir, path));
    if (now === undefined || now[0] !== size || now[1] !== mtimeMs) return undefined;
  }
  return join(dir, BUNDLE_ENTRY);
}

function stampOf(path: string): [number, number] | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat === undefined ? undefined : [stat.size, stat.mtimeMs];
}
