/**
 * The CLI's bundle (scripts/bundle.mjs) and how the bin knows it may use it. The bundle holds the
 * compiled workspace packages the CLI imports in a few files, so `stratex` starts without resolving
 * and loading ~150 modules one by one. It is only used while its inputs are as they were when it was
 * made, as their witnesses tell: for a compiled package, its tsc build info (tsc rewrites it whenever it
 * compiles the package, so ~10 files are checked, not ~190); for any other input, the input itself.
 * After a compile that did not refresh the bundle, the bin falls back to the packages themselves
 * (slower to start, never stale).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { type FileStamp, stampOf, stampsMatch } from '@stratex/runtime-node/file-stamps';

/** The bundle's entry module, in the bundle's directory. */
export const BUNDLE_ENTRY = 'stratex.js';
export const MANIFEST_FILE = 'manifest.json';
/** What `tsc -b` writes beside each package's tsconfig.build.json whenever it compiles the package. */
const BUILD_INFO = 'tsconfig.build.tsbuildinfo';

/** Each witness of the bundle's inputs (path relative to the bundle's directory) → [size, mtimeMs]. */
export interface BundleManifest {
  witnesses: Record<string, FileStamp>;
}

/** The manifest of a bundle in `dir` made from `inputs` (absolute paths), as they are now. */
export function manifestOf(dir: string, inputs: readonly string[]): BundleManifest {
  const witnesses = [...new Set(inputs.map(witnessOf))];
  const stamped = witnesses.map((witness) => {
    const stamp = stampOf(witness);
    if (stamp === undefined) throw new Error(`bundle input ${witness} is missing`);
    return [relative(dir, witness), stamp];
  });
  return { witnesses: Object.fromEntries(stamped) };
}

/** The build info of the package whose dist holds `input`, when tsc compiled it; else `input` itself. */
function witnessOf(input: string): string {
  for (let dir = dirname(input); dir !== dirname(dir); dir = dirname(dir)) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    const buildInfo = join(dir, BUILD_INFO);
    const compiled = relative(dir, input).startsWith(`dist${sep}`);
    return compiled && existsSync(buildInfo) ? buildInfo : input;
  }
  return input;
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
  return stampsMatch(dir, manifest.witnesses ?? {}) ? join(dir, BUNDLE_ENTRY) : undefined;
}
