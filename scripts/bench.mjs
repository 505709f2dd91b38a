#!/usr/bin/env node
// `npm run bench [-- name…]`: compiles the packages, runs each bench/<name>.bench.mjs in a fresh Node
// process (so one benchmark's garbage and JIT state cannot skew the next), prints each section and
// writes them all to docs/BENCHMARKS.md under a description of the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(1);

const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));

// Node flags a bench needs beyond --expose-gc. The indicators bench times each call in CPU time of the
// process, which also counts V8's background GC threads; they were still sweeping and freeing the
// previous calls' garbage (technicalindicators' objects, earlier outputs) while the next call ran,
// adding 1.5-3 ns/bar to bollinger's ~6. With a single-threaded GC that work happens inside the gc()
// before each timed call, and CPU time equals the call's wall time again.
const EXTRA_FLAGS = { indicators: ['--single-threaded-gc'] };

const docPath = join(root, 'docs', 'BENCHMARKS.md');
const sections = readSections(docPath);
for (const file of benches) {
  const name = file.replace('.bench.mjs', '');
  process.stderr.write(`[bench] ${name} …\n`);
  const flags = ['--expose-gc', '--no-node-snapshot', ...(EXTRA_FLAGS[name] ?? [])];
  const run = spawnSync(process.execPath, [...flags, join(root, 'bench', file)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.stderr.write(`[bench] ${name} failed (exit ${run.status})\n`);
    process.exitCode = 1;
    continue;
  }
  process.stdout.write(`${run.stdout}\n`);
  sections.set(name, run.stdout.trim());
}
writeFileSync(docPath, render(sections));
process.stderr.write(`[bench] wrote ${join('docs', 'BENCHMARKS.md')}\n`);

function machine() {
  const cpu = cpus();
  const python = spawnSync(join(root, '.venv/bin/python'), ['-V'], { encoding: 'utf8' });
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}, ${process.platform}/${process.arch}`,
    `- Python: ${python.status === 0 ? python.stdout.trim() : 'not set up'}`,
    `- Run: ${new Date().toISOString().slice(0, 10)}`,
  ].join('\n');
}

// Sections are kept between runs, so `npm run bench -- engine` refreshes one and keeps the others.
function readSections(path) {
  const map = new Map();
  if (!existsSync(path)) return map;
  const text = readFileSync(path, 'utf8');
  for (const m of text.matchAll(/<!-- bench:(\S+) -->\n([\s\S]*?)\n<!-- \/bench:\1 -->/g)) map.set(m[1], m[2]);
  return map;
}

function render(map) {
  const body = [...map.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, md]) => `<!-- bench:${name} -->\n${md}\n<!-- /bench:${name} -->`)
    .join('\n\n');
  return `# Benchmarks\n\nProduced by \`npm run bench\` (each section by \`bench/<name>.bench.mjs\`; \`npm run bench -- <name>\` refreshes one).\nNumbers are medians of repeated runs on this machine, peers measured side by side in the same run.\nThe machine is a 2-vCPU VM that runs at two speeds, switching every few seconds: cci in a loop for a minute took 37-40 or\n58-68 ns/bar, nothing between (the host sharing the core). A median moves with how much of a run fell in the slow phase, so\ncompare the ratios to peers of one run, where the indicators table gives its best round too.\n\n## Machine\n\n${machine()}\n\n${body}\n`;
}
