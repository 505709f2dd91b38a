// Python runtime benchmark: examples/sma_cross.py on one year of hourly BTC bars (8,760), cold (a new
// runtime: interpreter, numpy, fork, job) and warm (a zygote that has imported numpy and pandas), the
// job's cost split by stage, and backtesting.py running the same strategy on the same candles side by
// side. Run by scripts/bench.mjs in a fresh Node process against the built packages (`npm run build`);
// prints one markdown section.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from '@stratex/core';
import { createPythonRuntime } from '@stratex/runtime-python';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const python = join(root, '.venv', 'bin', 'python');
const shared = process.env.STRATEX_SHARED_DATA ?? resolve(root, '..', 'shared', 'data');
const CSV = join(shared, 'kraken_BTCUSD_1h_2022.csv');
const COLD_RUNS = 5;
const WARMUP = 10;
const WARM_RUNS = 200;
const PEER_RUNS = 10;
const FEE = 0.001;

if (!existsSync(CSV)) {
  console.log(`## Python runtime\n\nSkipped: ${CSV} not found (set STRATEX_SHARED_DATA).`);
  process.exit(0);
}

const data = readCandles(CSV);
const bars = { time: data.timestamp, open: data.open, high: data.high, low: data.low, close: data.close };
const job = {
  code: readFileSync(join(root, 'examples', 'sma_cross.py'), 'utf8'),
  language: 'python',
  data,
  params: {},
  limits: { timeoutMs: 10_000, memoryMb: 256 },
};

const cold = await measureCold();
const warm = await measureWarm();
const peer = runPeer();
const ours = simulate(bars, warm.output, { fee: FEE }).trades.map((t) => `${t.entryBar}-${t.exitBar}`);
const theirs = new Set(peer.trades.map(([entry, exit]) => `${entry}-${exit}`));
const same = ours.filter((t) => theirs.has(t)).length;
const peerP50 = median(peer.runMs);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

console.log(`## Python runtime: SMA cross (10/30) on 8,760 hourly bars

| measure | result | target |
| --- | ---: | ---: |
| cold: new runtime to first result (median of ${COLD_RUNS}) | ${fmt(median(cold))} | ≤ 400 ms |
| warm p50: \`run()\` to StrategyRun (${WARM_RUNS} jobs) | ${fmt(warm.p50)} | ≤ 50 ms |
| warm p95 | ${fmt(warm.p95)} | |
| warm p50 with the engine (\`simulate\`: fills + metrics) | ${fmt(warm.backtestP50)} | |
| look-ahead re-runs (prefixes 50/75/90 %, one after another), p50 | ${fmt(warm.lookAheadP50)} | reported apart |
| backtesting.py 0.6.6 \`Backtest.run()\`, p50 of ${PEER_RUNS} (warm interpreter) | ${fmt(peerP50)} | |
| backtesting.py cold: interpreter start to first result | ${fmt(peer.coldMs)} | |
| **backtesting.py / stratex (warm, with the engine)** | **${(peerP50 / warm.backtestP50).toFixed(1)}×** | ≥ 2× |

Where a warm job's time goes (medians, ms):

| stage | ms |
| --- | ---: |
| host → zygote: frame with 6 float64 columns (420 KB) written and read | ${warm.stage.transfer.toFixed(2)} |
| fork of the zygote (to the child's first instruction) | ${warm.stage.fork.toFixed(2)} |
| child: limits, validation, module load, params, strategy, encode | ${warm.stage.child.toFixed(2)} |
| … of which the strategy itself (two SMAs, two crossings) | ${warm.stage.strategy.toFixed(2)} |
| … of which encoding the result | ${warm.stage.encode.toFixed(2)} |
| zygote: job read to result relayed | ${warm.stage.zygote.toFixed(2)} |
| host: decoding the result into typed arrays | ${warm.stage.decode.toFixed(2)} |

Trades: stratex ${ours.length}, backtesting.py ${peer.trades.length}, same entry and exit bar ${same}.
Where they differ: backtesting.py's \`crossover\` needs a strict cross (a[-2] < b[-2]), stratex's
\`cross_above\` counts a touch (a[t-1] <= b[t-1], CONTRACT.md section 7); backtesting.py's SMA here is
pandas' rolling mean, not TA-Lib's running sum.`);

async function measureCold() {
  const times = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const began = performance.now();
    const runtime = createPythonRuntime();
    await runtime.run(job);
    times.push(performance.now() - began);
    await runtime.close();
  }
  return times;
}

async function measureWarm() {
  const runtime = createPythonRuntime();
  await runtime.warm();
  for (let i = 0; i < WARMUP; i++) simulate(bars, (await runtime.run(job)).output, { fee: FEE });
  const total = [];
  const backtest = [];
  const timings = [];
  let output;
  for (let i = 0; i < WARM_RUNS; i++) {
    const began = performance.now();
    const run = await runtime.run(job);
    total.push(performance.now() - began);
    simulate(bars, run.output, { fee: FEE });
    backtest.push(performance.now() - began);
    timings.push(run.timings);
    output = run.output;
  }
  const lookAhead = [];
  for (let i = 0; i < 20; i++) {
    const began = performance.now();
    for (const p of [0.5, 0.75, 0.9]) await runtime.run({ ...job, data: prefix(data, Math.floor(p * 8760)) });
    lookAhead.push(performance.now() - began);
  }
  await runtime.close();
  const at = (key) => median(timings.map((t) => t[key]));
  return {
    output,
    p50: median(total),
    p95: quantile(total, 0.95),
    backtestP50: median(backtest),
    lookAheadP50: median(lookAhead),
    stage: {
      transfer: median(timings.map((t) => t.totalMs - t.waitMs - t.zygoteMs - t.decodeMs)),
      fork: at('forkMs'),
      child: at('childMs'),
      strategy: at('strategyMs'),
      encode: at('encodeMs'),
      zygote: at('zygoteMs'),
      decode: at('decodeMs'),
    },
  };
}

function runPeer() {
  const peer = spawnSync(
    python,
    [join(root, 'bench', 'peers', 'runtime_python_backtesting.py'), CSV, String(PEER_RUNS)],
    {
      encoding: 'utf8',
      env: { ...process.env, TQDM_DISABLE: '1' },
    },
  );
  if (peer.status !== 0) throw new Error(`backtesting.py peer failed: ${peer.stderr}`);
  return JSON.parse(peer.stdout);
}

function readCandles(path) {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const cols = Array.from({ length: 6 }, () => new Float64Array(lines.length));
  lines.forEach((line, i) => {
    const cells = line.split(',');
    for (let c = 0; c < 6; c++) cols[c][i] = Number(cells[c]);
  });
  const [timestamp, open, high, low, close, volume] = cols;
  return { timestamp, open, high, low, close, volume };
}

function prefix(d, n) {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.subarray(0, n)]));
}

function median(values) {
  return quantile(values, 0.5);
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
