#!/usr/bin/env node
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from '../dist/bundle-manifest.js';

// The local store talks to its embedded DynamoDB through the AWS SDK, whose notice about a future
// Node 22 floor would print on every command; stratex supports Node 20 on a laptop (DESIGN.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `stratex … | head` closes the pipe early: that is the reader's choice, not an error to report.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// The bundle of the CLI (scripts/bundle.mjs) when it matches the compiled packages, else the packages.
globalThis.__m?.('bin top; ');
const bundle = freshBundle(fileURLToPath(new URL('../dist/bundle/', import.meta.url)));
globalThis.__m?.('bundle checked; ');
const { main } = await import(bundle === undefined ? '../dist/index.js' : pathToFileURL(bundle).href);

globalThis.__m?.('main imported; ');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
