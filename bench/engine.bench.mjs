// Engine benchmark: runEngine/simulate of @stratex/core on 1M seeded random-walk bars with an entry or
// exit signal about every 50 bars and stop-loss, take-profit and trailing stop on every trade, beside
// vectorbt 1.2.0's Portfolio.from_signals on the same prices and signals (bench/peers/vectorbt_engine.py,
// timed after its numba JIT warm-up). Run by scripts/bench.mjs in a fresh `node --expose-gc` process
// against the built dist; prints one markdown section.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeOutput, runEngine, simulate } from '@stratex/core';
import { seededRandom } from '../testing/seeded-random.mjs';
import { randomWalk } from './random-walk.mjs';

const BARS = 1_000_000;
const RUNS = 15;
const WARMUP = 5;
const PEER_RUNS = 7;
const OPTIONS = { cash: 10_000, fee: 0.001, slippage: 0, lotSize: 0 };
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const bars = randomWalk(BARS, 20220101);
const { entries, exits } = randomSignals(BARS, 50, 7);
// The target load: all three levels on every trade. vectorbt has one stop that is fixed or trailing,
// so the side-by-side row runs trailing stop + take-profit on both.
const full = { entries, exits, stop_loss: 0.02, take_profit: 0.04, trailing_stop: 0.03 };
const likePeer = { entries, exits, take_profit: 0.04, trailing_stop: 0.03 };

// In a child process of its own: one simulate call, so the peak is that call's and not the bench's.
if (process.argv[2] === '--peak-memory') {
  const before = process.memoryUsage().rss;
  try {
    simulate(bars, full, OPTIONS);
  } catch {
    runEngine(bars, full, OPTIONS);
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ dataMb: before / 2 ** 20, peakMb: peak / 2 ** 20 }));
  process.exit(0);
}

const rows = [];
const fullRun = measure('runEngine: SL + TP + trailing', () => runEngine(bars, full, OPTIONS));
rows.push(fullRun);
rows.push(measure('runEngine: TP + trailing (as vectorbt)', () => runEngine(bars, likePeer, OPTIONS)));
const normalized = normalizeOutput(full, BARS);
rows.push(measure('runEngine, output already normalised', () => runEngine(bars, normalized, OPTIONS)));
rows.push(measure('normalizeOutput alone', () => normalizeOutput(full, BARS), 'none'));
const withMetrics = tryMeasure('simulate: + drawdown, metrics, number[] series', () => simulate(bars, full, OPTIONS));
if (withMetrics) rows.push(withMetrics);
const memory = peakMemory();
const peer = runPeer();
process.stdout.write(render(rows, memory, peer));

/** Median ms over RUNS timed calls after WARMUP untimed ones, gc() before each. */
function measure(name, call, trades = 'count') {
  let result;
  for (let i = 0; i < WARMUP; i++) result = call();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc();
    const t0 = process.hrtime.bigint();
    result = call();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  process.stderr.write(`[bench] ${name}: ${median(times).toFixed(1)} ms\n`);
  return { name, ms: median(times), trades: trades === 'count' ? result.trades.length : undefined };
}

function tryMeasure(name, call) {
  try {
    return measure(name, call);
  } catch (err) {
    process.stderr.write(`[bench] ${name} skipped: ${err.message}\n`);
    return undefined;
  }
}

/** Peak resident memory of a fresh process that builds the bars and runs simulate once. */
function peakMemory() {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--peak-memory'], { encoding: 'utf8' });
  return JSON.parse(child.stdout);
}

function runPeer() {
  const dir = mkdtempSync(join(tmpdir(), 'stratex-engine-bench-'));
  try {
    for (const name of ['open', 'high', 'low', 'close']) writeFileSync(join(dir, `${name}.f64`), bars[name]);
    writeFileSync(join(dir, 'entries.u8'), entries);
    writeFileSync(join(dir, 'exits.u8'), exits);
    writeFileSync(join(dir, 'params.json'), JSON.stringify({ ...OPTIONS, take_profit: 0.04, trailing: 0.03 }));
    process.stderr.write('[bench] vectorbt …\n');
    const python = join(root, '.venv/bin/python');
    const script = join(root, 'bench/peers/vectorbt_engine.py');
    const run = spawnSync(python, [script, dir, String(PEER_RUNS)], { encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0) return { error: (run.stderr || run.error?.message || 'failed').trim().split('\n').at(-1) };
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1));
    return { ...out, signalsMs: median(out.from_signals_ms), valueMs: median(out.with_value_ms) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function render(results, memory, peer) {
  const ours = results[1];
  const lines = [
    '## Engine',
    '',
    `${fmtInt(BARS)} seeded random-walk hourly bars (Float64Array columns), an entry or exit signal about every ` +
      `50 bars (Uint8Array), fee ${OPTIONS.fee}, all-in sizing. stratex: median of ${RUNS} timed calls after ` +
      `${WARMUP} warm-up calls, gc() before each; \`runEngine\` is the whole fill loop (validation and normalisation ` +
      'of the output, trades, signals, per-bar equity), `simulate` adds drawdown, metrics and the plain-array ' +
      'equity series of the result JSON. vectorbt 1.2.0 (numba engine; the optional Rust engine is not ' +
      `installed): \`Portfolio.from_signals\` on the same prices and the signals shifted one bar and filled at ` +
      `the open, median of ${PEER_RUNS} warm calls after its JIT warm-up; vectorbt has one stop, fixed or ` +
      'trailing, so the side-by-side rows use trailing stop + take-profit. Targets: ≥ 20M bars/s (≤ 50 ms) ' +
      'with all three levels, peak memory ≤ 300 MB, ≥ 2× vectorbt.',
    '',
    '| engine | work | trades | ms | bars/s | vs vectorbt |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  const vbtMs = peer.error ? undefined : peer.valueMs;
  for (const r of results) {
    const ratio = vbtMs === undefined || r.trades === undefined ? '—' : `${(vbtMs / r.ms).toFixed(1)}×`;
    lines.push(`| stratex | ${r.name} | ${r.trades ?? '—'} | ${r.ms.toFixed(1)} | ${fmtRate(r.ms)} | ${ratio} |`);
  }
  if (peer.error) {
    lines.push(`| vectorbt 1.2.0 | not run: ${peer.error} | — | — | — | — |`);
  } else {
    lines.push(
      `| vectorbt ${peer.version} | from_signals: TP + trailing | ${peer.trades} | ${peer.signalsMs.toFixed(1)} | ${fmtRate(peer.signalsMs)} | 1.0× (fills only) |`,
    );
    lines.push(
      `| vectorbt ${peer.version} | from_signals + value() (equity) | ${peer.trades} | ${peer.valueMs.toFixed(1)} | ${fmtRate(peer.valueMs)} | 1.0× |`,
    );
    lines.push(
      `| vectorbt ${peer.version} | first call, numba JIT included | — | ${peer.cold_ms.toFixed(0)} | — | — |`,
    );
  }
  const target = fullRun.ms <= 50 ? 'met' : '**not met**';
  const versus = (theirs) => `${(theirs / ours.ms).toFixed(1)}×`;
  const ratio =
    vbtMs === undefined
      ? 'not measured'
      : `${versus(vbtMs)} against from_signals + value() (${vbtMs / ours.ms >= 2 ? 'met' : '**not met**'}), ` +
        `${versus(peer.signalsMs)} against from_signals alone`;
  lines.push(
    '',
    `SL + TP + trailing on 1M bars: ${fullRun.ms.toFixed(1)} ms (${target}); peak memory of a fresh Node process ` +
      `that builds the bars and runs simulate once: ${memory.peakMb.toFixed(0)} MB ` +
      `(${memory.peakMb <= 300 ? 'met' : '**not met**'}; ${memory.dataMb.toFixed(0)} MB of it before the call: Node and the bars). ` +
      `stratex runEngine on the same levels as vectorbt: ${ratio}. Trade counts differ a little (vectorbt checks ` +
      'stops from the bar after the entry and sizes on its own rules); the work per bar is the same.',
  );
  return `${lines.join('\n')}\n`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function fmtRate(ms) {
  return `${(((BARS / ms) * 1000) / 1e6).toFixed(1)}M`;
}

function fmtInt(n) {
  return n.toLocaleString('en-US');
}

/** An entry or an exit, half each, with probability 1/every per bar. */
function randomSignals(n, every, seed) {
  const random = seededRandom(seed);
  const entries = new Uint8Array(n);
  const exits = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (random() < 1 / every) (random() < 0.5 ? entries : exits)[i] = 1;
  }
  return { entries, exits };
}
