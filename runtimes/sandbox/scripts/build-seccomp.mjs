#!/usr/bin/env node
// Builds the sandbox's native parts into runtimes/sandbox/build: the seccomp filter as raw BPF
// (filter.bpf for a whole sandbox, job-filter.bpf also denying exec and new processes for each job, exported by a small libseccomp program) and the launcher stratex-exec (no libseccomp
// needed at run time). Where gcc or libseccomp are missing it says so and exits 0: the runtimes then
// run without seccomp and report it (docs/SECURITY.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = join(root, 'build');
const say = (line) => process.stdout.write(`[stratex] ${line}\n`);

if (process.platform !== 'linux') {
  say('sandbox: seccomp is Linux only; skipped (the process profile runs without it).');
  process.exit(0);
}
const gcc = (args) => spawnSync('gcc', args, { encoding: 'utf8' });
if (gcc(['--version']).error) {
  say('sandbox: gcc not found; seccomp filter and launcher NOT built (install gcc and libseccomp-dev).');
  process.exit(0);
}
mkdirSync(build, { recursive: true });
const launcher = gcc(['-O2', '-Wall', '-o', join(build, 'stratex-exec'), join(root, 'seccomp/launcher.c')]);
if (launcher.status !== 0) {
  say(`sandbox: the launcher did not compile:\n${launcher.stderr}`);
  process.exit(0);
}
const generator = join(build, 'make-filter');
const filter = gcc(['-O2', '-Wall', '-o', generator, join(root, 'seccomp/filter.c'), '-lseccomp']);
if (filter.status !== 0) {
  say('sandbox: libseccomp not found; the seccomp filter is NOT built (install libseccomp-dev).');
  process.exit(0);
}
for (const args of [['filter.bpf'], ['job-filter.bpf', '--job']]) {
  const out = join(build, args[0]);
  const exported = spawnSync(generator, [out, ...args.slice(1)], { encoding: 'utf8' });
  if (exported.status !== 0 || !existsSync(out)) {
    say(`sandbox: exporting the seccomp filter ${args[0]} failed: ${exported.stderr}`);
    rmSync(generator, { force: true });
    process.exit(0);
  }
}
rmSync(generator, { force: true });
say('sandbox: built the seccomp filter and the launcher (runtimes/sandbox/build).');
