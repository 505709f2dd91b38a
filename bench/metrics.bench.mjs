// computeMetrics and drawdownPct on 1,000,000 hourly bars (about 114 years of a market open every
// day) and about 20,000 trades: the whole cost of metrics in a result. Run by `npm run bench`
// (fresh Node process, built dist); prints one markdown section.
import { computeMetrics, drawdownPct } from '@stratex/core';

const BARS = 1_000_000;
const RUNS = 31;
const WARM_UP = 10;
const HOUR = 3_600_000;

/** Deterministic xorshift32 in [0, 1). */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** A random-walk market and a strategy that is in it for ~30 bars, then out for ~20. */
function sample() {
  const next = random(42);
  const time = new Float64Array(BARS);
  const close = new Float64Array(BARS);
  const equity = new Float64Array(BARS);
  const trades = [];
  let price = 20_000;
  let cash = 10_000;
  let qty = 0;
  let entryBar = -1;
  let entryPrice = 0;
  for (let i = 0; i < BARS; i++) {
    time[i] = Date.UTC(2000, 0, 1) + i * HOUR;
    price *= 1 + (next() - 0.5) * 0.02;
    close[i] = price;
    if (qty === 0 && next() < 1 / 20) {
      qty = (cash * 0.999) / price;
      entryBar = i;
      entryPrice = price;
      cash -= qty * price * 1.001;
    } else if (qty > 0 && (next() < 1 / 30 || i === BARS - 1)) {
      const fees = qty * (entryPrice + price) * 0.001;
      const pnl = qty * (price - entryPrice) - fees;
      cash += qty * price * 0.999;
      trades.push({
        side: 'long',
        entryBar,
        entryTime: time[entryBar],
        entryPrice,
        exitBar: i,
        exitTime: time[i],
        exitPrice: price,
        size: qty,
        fees,
        pnl,
        returnPct: (price / entryPrice - 1 - fees / (qty * entryPrice)) * 100,
        exitReason: 'signal',
      });
      qty = 0;
    }
    equity[i] = cash + qty * price;
  }
  return { trades, equity, time, close };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Wall ms of one call, gc() first. */
function once(fn) {
  globalThis.gc?.();
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * The first call (cold: interpreted, then compiled as it runs), then median and best of RUNS after
 * WARM_UP calls, so the JIT's tiering-up is out of the median. gc() before each call is the harsh
 * case: it once made computeMetrics alternate between ~16 and 26-45 ms, as each GC cleared the type
 * feedback of its intermediate results' layouts (fixed in packages/core/src/metrics/keep-shape.ts).
 */
function timeIt(fn) {
  const first = once(fn);
  for (let i = 1; i < WARM_UP; i++) fn();
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { first, median: median(ms), min: Math.min(...ms) };
}

const input = sample();
const metrics = timeIt(() => computeMetrics(input));
const drawdown = timeIt(() => drawdownPct(input.equity));
const fmt = (x) => x.toFixed(1);

process.stdout.write(
  [
    '## Metrics',
    '',
    `${BARS.toLocaleString('en-US')} hourly bars, ${input.trades.length.toLocaleString('en-US')} trades; median and best of ${RUNS} runs after ${WARM_UP} warm-up calls (a server's steady state), and the first call of the process (a CLI run's). Target: computeMetrics ≤ 20 ms.`,
    '',
    '| function | median ms | best ms | first call ms |',
    '|---|---:|---:|---:|',
    `| computeMetrics (all CONTRACT §3 metrics) | ${fmt(metrics.median)} | ${fmt(metrics.min)} | ${fmt(metrics.first)} |`,
    `| drawdownPct (equity.drawdownPct series) | ${fmt(drawdown.median)} | ${fmt(drawdown.min)} | ${fmt(drawdown.first)} |`,
    '',
  ].join('\n'),
);
