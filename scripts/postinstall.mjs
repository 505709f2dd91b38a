#!/usr/bin/env node
// After `npm install`: compile the workspace packages so plain Node can import them, then set up
// the project's Python environment. Each step says what it does.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.stdout.write('[stratex] compiling workspace packages (tsc -b) …\n');
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) {
  process.stderr.write('[stratex] compiling failed: see the TypeScript errors above.\n');
  process.exit(1);
}
// The CLI's and the runtime child's bundles (they start faster than the packages; stale, they are not used).
spawnSync(process.execPath, [join(root, 'packages/cli/scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
spawnSync(process.execPath, [join(root, 'runtimes/sandbox/scripts/build-seccomp.mjs')], { stdio: 'inherit' });
const python = spawnSync(process.execPath, [join(root, 'scripts/setup-python.mjs')], { cwd: root, stdio: 'inherit' });
process.exit(python.status ?? 1);
