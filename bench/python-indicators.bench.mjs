// Python indicators benchmark: every indicator of the Python SDK with its native (C) kernels on 1M
// seeded random-walk bars, beside the pure-Python ports (STRATEX_PY_KERNELS=python, 100k bars: they
// take seconds per 1M) and pandas' rolling/ewm equivalents where pandas has one. CPU time of the Python
// process per bar, median of the rounds after one warm call. Run by scripts/bench.mjs; prints one
// markdown section.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const python = join(root, '.venv', 'bin', 'python');
const script = join(root, 'bench', 'peers', 'python_indicators.py');
const packageDir = join(root, 'runtimes', 'python');

if (!existsSync(python)) {
  console.log('## Python indicators\n\nSkipped: no .venv (`npm run setup:python`).');
  process.exit(0);
}

function measure(bars, rounds, env, extra = []) {
  const run = spawnSync(python, [script, String(bars), String(rounds), ...extra], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, PYTHONPATH: packageDir, ...env },
  });
  if (run.status !== 0) throw new Error(`python_indicators.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

process.stderr.write('[bench] python indicators: native …\n');
const native = measure(1_000_000, 7, {});
process.stderr.write('[bench] python indicators: pure Python …\n');
const pure = measure(100_000, 3, { STRATEX_PY_KERNELS: 'python' });
const pandas = measure(1_000_000, 7, {}, ['pandas']);

const lines = [
  '## Python indicators',
  '',
  "The Python SDK's indicators (`from stratex import indicators`), CPU ns per bar, median after a warm call: with the " +
    'native kernel families (C copies of the TS kernels, bit-identical; 1,000,000 random-walk bars, 7 rounds), with the ' +
    'pure-Python ports they replace where no C compiler is present (`STRATEX_PY_KERNELS=python`; 100,000 bars, 3 rounds), ' +
    "and pandas' rolling/ewm equivalents where pandas has one (its EMA is seeded differently; same cost).",
  '',
  '| function | native ns/bar | pure Python ns/bar | native speed-up | pandas ns/bar |',
  '| --- | ---: | ---: | ---: | ---: |',
];
for (const [name, ns] of Object.entries(native)) {
  const p = pure[name];
  const pd = pandas[name];
  lines.push(
    `| \`${name}\` | ${ns.toFixed(1)} | ${p.toFixed(0)} | ${(p / ns).toFixed(0)}× | ${pd === undefined ? '—' : pd.toFixed(1)} |`,
  );
}
console.log(`${lines.join('\n')}\n`);
