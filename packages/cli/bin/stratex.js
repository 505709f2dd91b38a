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

// The bundle of the CLI (scripts/bundle.mjs) when it matches the compiled packages, else the packages;
// also when the bundle cannot be loaded (a file of it removed by hand).
const bundle = freshBundle(fileURLToPath(new URL('../dist/bundle/', import.meta.url)));
const packages = () => import('../dist/index.js');
const { main } = await (bundle === undefined ? packages() : import(pathToFileURL(bundle).href).catch(packages));

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
