// Python runtime benchmark: examples/sma_cross.py on one year of hourly BTC bars (8,760), cold (a new
// runtime: interpreter, numpy, fork, job) and warm (a zygote that has imported numpy and pandas), the
// job's cost split by stage, backtesting.py running the same strategy on the same candles side by
// side, throughput with two jobs at once (runtime + engine, and the whole execution service), the cost
// of each isolation profile, and memory over 2,000 jobs. Run by scripts/bench.mjs in a fresh Node
// process against the built packages (`npm run build`); prints one markdown section.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExecutionService, ENGINE_VERSION, simulate } from '@stratex/core';
import { createCsvProvider } from '@stratex/market-data';
import { createPythonRuntime } from '@stratex/runtime-python';
import { bwrapUsable, detectIsolation } from '@stratex/sandbox';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const python = join(root, '.venv', 'bin', 'python');
const shared = process.env.STRATEX_SHARED_DATA ?? resolve(root, '..', 'shared', 'data');
const CSV = join(shared, 'kraken_BTCUSD_1h_2022.csv');
const COLD_RUNS = 5;
const WARMUP = 10;
const WARM_RUNS = 200;
const PEER_RUNS = 10;
const FEE = 0.001;
// QUICK=1: a few jobs of each kind, to try the script out (the numbers then mean little).
const ROUNDS = 3;
const THROUGHPUT_JOBS = Number(process.env.QUICK ? 120 : 600);
const SERVICE_RUNS = Number(process.env.QUICK ? 30 : 150);
const IN_FLIGHT = 4;
const OVERHEAD_RUNS = Number(process.env.QUICK ? 30 : 200);
const MEMORY_JOBS = Number(process.env.QUICK ? 100 : 2000);

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

const nodeStart = measureNodeStart();
const cold = await measureCold();
const warm = await measureWarm();
const throughput = await measureThroughput();
const service = await measureService();
const overhead = await measureOverhead();
const memory = await measureMemory();
const peer = runPeer();
const ours = simulate(bars, warm.output, { fee: FEE }).trades.map((t) => `${t.entryBar}-${t.exitBar}`);
const theirs = new Set(peer.trades.map(([entry, exit]) => `${entry}-${exit}`));
const same = ours.filter((t) => theirs.has(t)).length;
const peerP50 = median(peer.runMs);
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const signed = (ms) => `${ms < 0 ? '−' : '+'}${Math.abs(ms).toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const cores = availableParallelism();

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

### Throughput: one-year hourly backtests per second, ${cores} cores

Warm runtime (zygote started, pandas imported), \`concurrency: ${cores}\` (its default: the cores), ${IN_FLIGHT}
requests in flight, from the request to its result; ${detectIsolation()} profile. The Node process's own start
(\`node\` to the packages imported: ${fmt(nodeStart)}) and the runtime's cold start are not in these numbers.

| work per backtest | backtests/s | Python jobs/s | target |
| --- | ---: | ---: | ---: |
| \`runtime.run\` + \`simulate\` (fills + metrics), median of ${ROUNDS} rounds of ${THROUGHPUT_JOBS / ROUNDS} backtests | **${throughput.parallel.toFixed(1)}** | ${throughput.parallel.toFixed(1)} | ≥ 20/s |
| the same, one request at a time | ${throughput.serial.toFixed(1)} | ${throughput.serial.toFixed(1)} | |
| \`ExecutionService.run\`: an ExecutionRequest through the csv provider, the run, the engine, the result JSON, **with** the look-ahead check's 3 re-runs (50/75/90 %), median of ${ROUNDS} rounds of ${SERVICE_RUNS / ROUNDS} backtests | ${service.perSecond.toFixed(1)} | ${(service.perSecond * 4).toFixed(1)} | reported apart |
| … of which the look-ahead re-runs, p50 per backtest (\`diagnostics.lookAheadMs\`) | ${fmt(service.lookAheadP50)} | | |

### Isolation overhead per job

The same warm SMA-cross job, ${OVERHEAD_RUNS} runs per profile interleaved, one at a time, \`run()\` to result. \`none\` is the bare
interpreter (benchmarks only: no launcher, rlimits of the sandbox, cgroup, seccomp or namespaces; each job
child still sets its own limits).

| isolation | p50 | over none | target |
| --- | ---: | ---: | ---: |
${overhead.map((o) => `| ${o.name} (zygote start ${fmt(o.startMs)}) | ${fmt(o.p50)} | ${o.name === 'none' ? '' : signed(o.p50 - overhead[0].p50)} | ${o.name === 'none' ? '' : '≤ 10 ms'} |`).join('\n')}

### Memory over ${MEMORY_JOBS.toLocaleString('en-US')} jobs

SMA cross on one year with \`simulate\`, ${IN_FLIGHT} in flight, after 50 warm-up jobs; resident memory at rest (no job running),
gc() before each host reading. The host's RSS moves up and down by tens of MB from one reading to the next
with buffers outside the JS heap (job frames not yet released); the JS heap in use is the leak check.

| process | RSS before | RSS after | target |
| --- | ---: | ---: | ---: |
| host (Node) | ${mb(memory.before.host)} | ${mb(memory.after.host)} | flat |
| … of which the JS heap in use | ${mb(memory.before.heap)} | ${mb(memory.after.heap)} | flat |
| zygote and its sandbox (launcher, bwrap, interpreter) | ${mb(memory.before.zygote)} | ${mb(memory.after.zygote)} | flat |

Trades: stratex ${ours.length}, backtesting.py ${peer.trades.length}, same entry and exit bar ${same}.
Where they differ: backtesting.py's \`crossover\` needs a strict cross (a[-2] < b[-2]), stratex's
\`cross_above\` counts a touch (a[t-1] <= b[t-1], CONTRACT.md section 7); backtesting.py's SMA here is
pandas' rolling mean, not TA-Lib's running sum.`);

function measureNodeStart() {
  const times = [];
  const script = "await import('@stratex/core'); await import('@stratex/runtime-python');";
  for (let i = 0; i < 5; i++) {
    const began = performance.now();
    spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - began);
  }
  return median(times);
}

/** Runs `count` backtests with `inFlight` at once; resolves with backtests per second. */
async function perSecond(count, inFlight, backtest) {
  let started = 0;
  const began = performance.now();
  const lane = async () => {
    while (started < count) {
      started += 1;
      await backtest();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return count / ((performance.now() - began) / 1000);
}

async function measureThroughput() {
  const runtime = createPythonRuntime();
  await runtime.warm();
  const backtest = async () => simulate(bars, (await runtime.run(job)).output, { fee: FEE });
  for (let i = 0; i < WARMUP; i++) await backtest();
  // Rounds interleaved, median taken: the machine is shared, so one slow spell moves one round only.
  const serial = [];
  const parallel = [];
  for (let round = 0; round < ROUNDS; round++) {
    serial.push(await perSecond(THROUGHPUT_JOBS / 4 / ROUNDS, 1, backtest));
    parallel.push(await perSecond(THROUGHPUT_JOBS / ROUNDS, IN_FLIGHT, backtest));
  }
  await runtime.close();
  return { serial: median(serial), parallel: median(parallel) };
}

async function measureService() {
  const runtime = createPythonRuntime();
  await runtime.warm();
  const svc = createExecutionService({
    candles: createCsvProvider({ file: CSV, clock: { now: () => Date.now() } }),
    runtime,
    engineVersion: ENGINE_VERSION,
  });
  const request = {
    code: job.code,
    language: 'python',
    providerId: 'csv',
    symbol: 'BTC/USD',
    timeframe: '1h',
    startDate: '2022-01-01',
    endDate: '2023-01-01',
    fee: FEE,
  };
  const lookAhead = [];
  const backtest = async () => {
    const result = await svc.run(request);
    if (result.status !== 'succeeded' || result.diagnostics.bars !== 8760) {
      throw new Error(`service run failed: ${JSON.stringify(result.error ?? result.diagnostics)}`);
    }
    lookAhead.push(result.diagnostics.lookAheadMs);
  };
  for (let i = 0; i < WARMUP; i++) await backtest();
  lookAhead.length = 0;
  const rates = [];
  for (let round = 0; round < ROUNDS; round++) rates.push(await perSecond(SERVICE_RUNS / ROUNDS, IN_FLIGHT, backtest));
  const rate = median(rates);
  await runtime.close();
  return { perSecond: rate, lookAheadP50: median(lookAhead) };
}

async function measureOverhead() {
  const names = ['none', 'process', ...(bwrapUsable() ? ['bwrap'] : [])];
  const profiles = [];
  for (const name of names) {
    const runtime = createPythonRuntime({ isolation: name });
    const began = performance.now();
    await runtime.ready();
    const startMs = performance.now() - began;
    await runtime.warm();
    for (let i = 0; i < WARMUP; i++) await runtime.run(job);
    profiles.push({ name, runtime, startMs, times: [] });
  }
  for (let i = 0; i < OVERHEAD_RUNS; i++) {
    for (const profile of profiles) {
      const began = performance.now();
      await profile.runtime.run(job);
      profile.times.push(performance.now() - began);
    }
  }
  await Promise.all(profiles.map((p) => p.runtime.close()));
  return profiles.map((p) => ({ name: p.name, startMs: p.startMs, p50: median(p.times) }));
}

async function measureMemory() {
  const runtime = createPythonRuntime();
  await runtime.warm();
  const backtest = async () => simulate(bars, (await runtime.run(job)).output, { fee: FEE });
  for (let i = 0; i < 50; i++) await backtest();
  const reading = () => {
    globalThis.gc?.();
    const usage = process.memoryUsage();
    return { host: usage.rss, heap: usage.heapUsed, zygote: treeRss(runtime.status().pid) };
  };
  const before = reading();
  await perSecond(MEMORY_JOBS, IN_FLIGHT, backtest);
  const after = reading();
  await runtime.close();
  return { before, after };
}

/** Resident bytes of `pid` and all its descendants (from /proc). */
function treeRss(pid) {
  const children = (p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const rss = (p) => {
    try {
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  let total = 0;
  const walk = (p) => {
    total += rss(p);
    for (const c of children(p)) walk(c);
  };
  if (pid !== undefined) walk(pid);
  return total;
}

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
