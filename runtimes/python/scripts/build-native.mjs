#!/usr/bin/env node
// Builds the native kernel families (native/<family>.c, C copies of the TypeScript kernels) into
// stratex/_native/<family><EXT_SUFFIX> with the project's venv Python headers. Run by
// scripts/setup-python.mjs during `npm install`, and by hand after editing a .c file.
// A family that does not build is reported and left out: its pure-Python port runs instead. Under
// CI=true (or --strict) any failure fails the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const root = join(here, '..', '..');
const sources = join(here, 'native');
const target = join(here, 'stratex', '_native');
const python = join(root, '.venv', 'bin', 'python');
const strict = process.argv.includes('--strict') || process.env.CI === 'true';
// -ffp-contract=off: no fused multiply-add, whose single rounding would differ from JavaScript's two.
// No -ffast-math (or anything that reorders float arithmetic): the outputs must equal TypeScript's.
const FLAGS = ['-O2', '-std=c11', '-fPIC', '-shared', '-ffp-contract=off', '-fno-fast-math', '-Wall', '-Werror'];

function say(message) {
  process.stdout.write(`[stratex native] ${message}\n`);
}

function failed(message) {
  say(message);
  if (strict) process.exit(1);
}

if (!existsSync(python)) {
  failed('no .venv yet: the Python kernels run as pure Python (run `npm run setup:python` first)');
  process.exit(0);
}
const probe = spawnSync(
  python,
  ['-c', "import sysconfig; print(sysconfig.get_paths()['include']); print(sysconfig.get_config_var('EXT_SUFFIX'))"],
  { encoding: 'utf8' },
);
const [include, suffix] = (probe.stdout ?? '').trim().split('\n');
if (probe.status !== 0 || !include || !suffix || !existsSync(join(include, 'Python.h'))) {
  failed(
    "Python's C headers were not found (Debian: apt-get install python3-dev): the Python kernels run as pure Python",
  );
  process.exit(0);
}

const header = statSync(join(sources, 'series.h')).mtimeMs;
const families = readdirSync(sources).filter((f) => f.endsWith('.c'));
let built = 0;
for (const file of families) {
  const name = file.slice(0, -2);
  const output = join(target, `${name}${suffix}`);
  const newest = Math.max(header, statSync(join(sources, file)).mtimeMs);
  if (existsSync(output) && statSync(output).mtimeMs >= newest) continue;
  const temp = `${output}.${process.pid}.tmp`;
  const gcc = spawnSync(process.env.CC ?? 'gcc', [...FLAGS, `-I${include}`, join(sources, file), '-o', temp], {
    encoding: 'utf8',
  });
  if (gcc.status !== 0) {
    rmSync(temp, { force: true });
    rmSync(output, { force: true }); // a library built from older sources must not outlive them
    failed(`${file} did not build (its pure-Python port runs instead):\n${gcc.stderr ?? gcc.error?.message}`);
    continue;
  }
  renameSync(temp, output); // atomic: a running zygote never sees half a library
  built++;
}
say(`${families.length} kernel families, ${built} built now, the rest up to date (runtimes/python/stratex/_native).`);
