// Node runtime benchmark: what a JavaScript strategy costs in the sandbox — a fresh V8 isolate with
// the SDK, a trivial job through the child process, an SMA cross on one year of hourly bars and on
// 1,000,000 bars (vectorized and onBar), end to end through the runtime (not the engine). Run by
// scripts/bench.mjs in a fresh `node --no-node-snapshot` process against the built packages
// (`npm run build`); prints one markdown section.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeRuntime } from '@stratex/runtime-node';
import { randomWalk } from './random-walk.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'runtimes', 'node', 'dist');
const shared = process.env.STRATEX_SHARED_DATA ?? resolve(root, '..', 'shared', 'data');
const CSV = join(shared, 'kraken_BTCUSD_1h_2022.csv');
const LIMITS = { timeoutMs: 10_000, memoryMb: 256 };

const SMA_CROSS = `export const params = { fast: 10, slow: 30 };
export function strategy(data, params) {
  const fast = indicators.sma(data.close, params.fast);
  const slow = indicators.sma(data.close, params.slow);
  return { entries: indicators.crossAbove(fast, slow), exits: indicators.crossBelow(fast, slow) };
}`;

const SMA_CROSS_ON_BAR = `export const params = { fast: 10, slow: 30 };
export function onBar(ctx) {
  const t = ctx.bar;
  const fast = ctx.indicator('sma', ctx.params.fast)[t];
  const slow = ctx.indicator('sma', ctx.params.slow)[t];
  if (fast > slow && ctx.position <= 0) ctx.buy();
  else if (fast < slow && ctx.position > 0) ctx.closePosition();
}`;

const TRIVIAL = 'export function strategy(data) { return { entries: new Uint8Array(data.length) }; }';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function timeIt(runs, warmup, fn) {
  for (let i = 0; i < warmup; i++) await fn();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { p50: median(ms), best: Math.min(...ms), runs };
}

/** The shared seeded random walk, with the column names a strategy's `data` has. */
function randomCandles(n) {
  const { time, ...columns } = randomWalk(n, 20220101, { volume: true });
  return { timestamp: time, ...columns };
}

function readCandles(path) {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const cols = Array.from({ length: 6 }, () => new Float64Array(lines.length));
  lines.forEach((line, i) => {
    line.split(',').forEach((cell, c) => {
      cols[c][i] = Number(cell);
    });
  });
  const [timestamp, open, high, low, close, volume] = cols;
  return { timestamp, open, high, low, close, volume };
}

const job = (code, data) => ({ code, language: 'javascript', data, params: {}, limits: LIMITS });

// Isolate start: a new isolate, its context and the SDK (compiled from V8's code cache), as the child
// does before every job. The child prepares it while idle, so a job normally finds it ready.
const { prepareIsolate } = await import(join(dist, 'child', 'prepared-isolate.js'));
const { preludeScript } = await import(join(dist, 'prelude-bundle.js'));
const prelude = { source: await preludeScript() };
let t0 = performance.now();
prepareIsolate(prelude, LIMITS.memoryMb, 64 * 2 ** 20).isolate.dispose();
const firstIsolate = performance.now() - t0;
const startMs = [];
for (let i = 0; i < 55; i++) {
  globalThis.gc?.();
  const started = performance.now();
  const prepared = prepareIsolate(prelude, LIMITS.memoryMb, 64 * 2 ** 20);
  const ms = performance.now() - started;
  prepared.isolate.dispose();
  if (i >= 5) startMs.push(ms);
}
const isolateStart = { p50: median(startMs), best: Math.min(...startMs), runs: startMs.length };

// A runtime from nothing: SDK bundle (esbuild, once per process — already done above), child spawn,
// first isolate.
t0 = performance.now();
const runtime = createNodeRuntime({ jobsPerChild: 1_000_000 });
await runtime.ready();
const runtimeStart = performance.now() - t0;

const small = randomCandles(1000);
const year = existsSync(CSV) ? readCandles(CSV) : randomCandles(8760);
const million = randomCandles(1_000_000);

const trivial = await timeIt(50, 10, () => runtime.run(job(TRIVIAL, small)));
const yearly = await timeIt(30, 5, () => runtime.run(job(SMA_CROSS, year)));
const millionVectorized = await timeIt(10, 2, () => runtime.run(job(SMA_CROSS, million)));
const millionOnBar = await timeIt(5, 1, () => runtime.run(job(SMA_CROSS_ON_BAR, million)));
await runtime.close();

const fmt0 = (x) => x.toFixed(0);
const fmt = (x) => x.toFixed(1);
const row = (name, m, target = '') => `| ${name} | ${fmt(m.p50)} | ${fmt(m.best)} | ${m.runs} | ${target} |`;

// Isolation overhead: the same trivial job through a child without any sandbox wrapper (the pool
// directly, as before the profiles), under the `process` profile and under `bwrap`, interleaved so
// that the machine's load hits all three alike.
const { ChildPool } = await import(join(dist, 'child-pool.js'));
const { defaultChildEntry } = await import(join(dist, 'child-entry.js'));
const { DATA_COLUMNS } = await import(join(dist, 'isolate', 'isolate-api.js'));
const { bwrapUsable } = await import('@stratex/sandbox');
const bare = new ChildPool({
  size: 1,
  jobsPerChild: 1_000_000,
  child: async () => ({
    nodePath: process.execPath,
    entry: await defaultChildEntry(),
    maxOutputBytes: 64 * 2 ** 20,
    init: Promise.resolve({
      type: 'init',
      prelude: prelude.source,
      memoryMb: LIMITS.memoryMb,
      maxOutputBytes: 64 * 2 ** 20,
    }),
  }),
});
let bareId = 1;
const bareJob = () => ({
  type: 'job',
  id: bareId++,
  code: TRIVIAL,
  filename: 'strategy.js',
  params: {},
  ...LIMITS,
  bars: 1000,
});
const profiles = {
  none: () =>
    bare.run(
      bareJob(),
      DATA_COLUMNS.map((c) => small[c]),
      '',
    ),
};
const profileStart = {};
t0 = performance.now();
await bare.warmUp();
profileStart.none = performance.now() - t0;
const profileRuntimes = [];
for (const isolation of bwrapUsable() ? ['process', 'bwrap'] : ['process']) {
  const rt = createNodeRuntime({ isolation, jobsPerChild: 1_000_000 });
  t0 = performance.now();
  await rt.ready();
  profileStart[isolation] = performance.now() - t0;
  profileRuntimes.push(rt);
  profiles[isolation] = () => rt.run(job(TRIVIAL, small));
}
const profileMs = Object.fromEntries(Object.keys(profiles).map((name) => [name, []]));
for (let i = 0; i < 230; i++) {
  for (const [name, run] of Object.entries(profiles)) {
    const started = performance.now();
    await run();
    if (i >= 30) profileMs[name].push(performance.now() - started);
  }
}
const overheadRows = Object.entries(profileMs).map(([name, ms]) =>
  row(
    `trivial job, 1,000 bars, isolation ${name === 'none' ? 'none (child without sandbox)' : name} (child start ${fmt0(profileStart[name])} ms)`,
    { p50: median(ms), best: Math.min(...ms), runs: ms.length },
    name === 'none' ? '' : '≤ 10 ms over none',
  ),
);

await bare.close();
await Promise.all(profileRuntimes.map((rt) => rt.close()));

// Memory over 2,000 jobs in the detected profile (children replaced every 100 jobs as by default):
// resident memory of the host and of the runtime's process tree before and after.
const { treeOf, usageOf } = await import(join(dist, 'process-tree.js'));
const steady = createNodeRuntime({});
await steady.ready();
for (let i = 0; i < 50; i++) await steady.run(job(SMA_CROSS, year));
const treeRss = () => (usageOf(treeOf(process.pid).filter((pid) => pid !== process.pid))?.rssBytes ?? 0) / 2 ** 20;
globalThis.gc?.();
const before = { host: process.memoryUsage().rss / 2 ** 20, children: treeRss() };
for (let i = 0; i < 2000; i++) await steady.run(job(SMA_CROSS, year));
globalThis.gc?.();
const after = { host: process.memoryUsage().rss / 2 ** 20, children: treeRss() };
await steady.close();

const yearLabel = existsSync(CSV)
  ? `${year.close.length.toLocaleString('en-US')} bars, Kraken BTC/USD 1h 2022`
  : '8,760 synthetic bars';

process.stdout.write(
  [
    '## Node runtime',
    '',
    'JavaScript strategies in a fresh isolated-vm isolate per job, inside a warm child process; times are end to end through `runtime.run` (data to the child, isolate, output back), without the engine. p50 and best of the runs after warm-up.',
    '',
    '| measurement | p50 ms | best ms | runs | target |',
    '|---|---:|---:|---:|---|',
    row('isolate start (new isolate + context + SDK from code cache)', isolateStart, '≤ 5 ms'),
    `| first isolate of a child (SDK compiled, no cache yet) | ${fmt(firstIsolate)} | | 1 | |`,
    `| runtime start (spawn child, first isolate; SDK bundled before) | ${fmt(runtimeStart)} | | 1 | |`,
    row('trivial job, 1,000 bars', trivial),
    row(`SMA cross (10/30), 1 year hourly (${yearLabel})`, yearly),
    row('SMA cross (10/30), 1,000,000 bars, vectorized', millionVectorized, '< 1000 ms'),
    row('SMA cross (10/30), 1,000,000 bars, onBar with ctx.indicator', millionOnBar),
    ...overheadRows,
    `| memory over 2,000 SMA-cross jobs (1 year): host RSS MB before → after | ${fmt(before.host)} → ${fmt(after.host)} | | 2000 | flat |`,
    `| memory over 2,000 SMA-cross jobs (1 year): runtime children RSS MB before → after | ${fmt(before.children)} → ${fmt(after.children)} | | 2000 | flat |`,
    '',
  ].join('\n'),
);
