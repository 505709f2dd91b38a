#!/usr/bin/env node
// Creates the project's Python environment (.venv) with the pinned runtime packages, and with
// --peers (or STRATEX_PEERS=1, or CI=true) the peers group used by cross-checks and benchmarks.
// It never fails `npm install`: it says what went wrong and how to retry instead.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(root, '.venv');
const venvPython = join(venv, 'bin', 'python');
const groups = [{ name: 'runtime', file: 'runtimes/python/requirements.txt' }];
const wantPeers = process.argv.includes('--peers') || process.env.STRATEX_PEERS === '1' || process.env.CI === 'true';
if (wantPeers) groups.push({ name: 'peers', file: 'runtimes/python/requirements-peers.txt' });
const strict = process.argv.includes('--strict') || process.env.CI === 'true';

function say(message) {
  process.stdout.write(`[stratex python] ${message}\n`);
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  if (result.error) return `${cmd} could not start (${result.error.code ?? result.error.message})`;
  return result.status === 0 ? null : `${cmd} ${args.join(' ')} exited with ${result.status}`;
}

function findPython() {
  for (const candidate of [process.env.STRATEX_PYTHON, 'python3.11', 'python3', 'python']) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; print(sys.version_info >= (3, 10))'], {
      encoding: 'utf8',
    });
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate;
  }
  return null;
}

function fail(why, fix) {
  say(`not ready: ${why}`);
  say(`fix: ${fix}, then run \`npm run setup:python\`${wantPeers ? ' (or `npm run setup:peers`)' : ''}.`);
  say('JavaScript strategies and the engine work without it; Python strategies and peer comparisons do not.');
  process.exit(strict ? 1 : 0);
}

// A stamp per group records what was installed, so a second `npm install` costs nothing.
function stampOf(group) {
  return createHash('sha256')
    .update(readFileSync(join(root, group.file)))
    .digest('hex')
    .slice(0, 16);
}

if (process.env.STRATEX_SKIP_PYTHON === '1') {
  say('skipped (STRATEX_SKIP_PYTHON=1).');
  process.exit(0);
}
if (!existsSync(venvPython)) {
  const python = findPython();
  if (!python)
    fail(
      'no Python 3.10+ with the venv module was found',
      'install Python 3.11 (Debian: apt-get install python3 python3-venv) or set STRATEX_PYTHON',
    );
  say(`creating .venv with ${python} …`);
  const err = run(python, ['-m', 'venv', venv]);
  if (err) fail(err, 'install the venv module (Debian: apt-get install python3-venv)');
}
for (const group of groups) {
  const stampFile = join(venv, `.stratex-${group.name}.stamp`);
  const stamp = stampOf(group);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    say(`${group.name} packages are up to date.`);
    continue;
  }
  say(`installing the ${group.name} packages from ${group.file} (pinned; the first time takes a minute) …`);
  const err = run(venvPython, [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '-q',
    '-r',
    join(root, group.file),
  ]);
  if (err) fail(err, 'check that PyPI is reachable (or a mirror is set in PIP_INDEX_URL)');
  writeFileSync(stampFile, stamp);
}
// The native kernel families (C copies of the indicator kernels) need the venv's Python headers.
const native = spawnSync(process.execPath, [join(root, 'runtimes/python/scripts/build-native.mjs')], {
  stdio: 'inherit',
  cwd: root,
});
if (native.status !== 0 && strict) process.exit(1);
const peersInstalled = existsSync(join(venv, '.stratex-peers.stamp'));
say(
  `ready: .venv${peersInstalled ? ' (with the peers group)' : ' (peers group not installed: `npm run setup:peers`)'}`,
);
