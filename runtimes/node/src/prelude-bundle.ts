/**
 * The script every isolate runs first: the SDK (isolate/prelude) bundled with @stratex/indicators by
 * esbuild, once per host process, at first use. From the compiled package it bundles dist; when the
 * sources run directly (vitest) it bundles the TypeScript sources, so tests see current code.
 */

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Name of the bundle's exports; a local of the wrapper function below, so user code never sees it.
 * The wrapper returns `install` itself: esbuild's export objects are getters, which isolated-vm
 * refuses to read across the boundary.
 */
const BUNDLE_NAME = '__stratexSdk';

let cached: Promise<string> | undefined;

/** The SDK script; its completion value is the SDK's `install` function. */
export function preludeScript(): Promise<string> {
  cached ??= bundlePrelude().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** Whether this module runs from TypeScript sources rather than the compiled package. */
export const runningFromSources = import.meta.url.endsWith('.ts');

async function bundlePrelude(): Promise<string> {
  const entry = fileURLToPath(new URL(`./isolate/prelude.${runningFromSources ? 'ts' : 'js'}`, import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
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
  return `(function () {\n${result.outputFiles[0].text}\nreturn ${BUNDLE_NAME}.install;\n})()`;
}
