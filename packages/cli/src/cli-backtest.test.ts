/**
 * `stratex backtest` end to end through the real runtime (V8 isolate in a child process) and the
 * real csv and synthetic providers. Trades are checked against an independent computation, not
 * against a snapshot of our own output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SucceededExecution } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, readSharedCsv, repoRoot, sharedPath } from '../../../testing/shared-data.js';
import { firstPeekingBar } from './test-support/look-ahead.js';
import { runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'stratex-cli-'));
const example = (name: string) => join(repoRoot, 'examples', name);
const HOST_PATHS = /node_modules|\/work\/|packages\/|runtimes\/|\.ts:\d/;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const KRAKEN_2022 = [
  '--provider',
  'csv',
  '--symbol',
  'BTC/USD',
  '--timeframe',
  '1h',
  '--from',
  '2022-01-01',
  '--to',
  '2023-01-01',
];
const SYNTHETIC = [
  '--provider',
  'synthetic',
  '--symbol',
  'BTC/USD',
  '--timeframe',
  '1h',
  '--from',
  '2022-01-01',
  '--to',
  '2023-01-01',
];

async function resultOf(argv: string[]): Promise<SucceededExecution> {
  const run = await runCli([...argv, '--json']);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout) as SucceededExecution;
}

/** SMA with a plain loop over the window (no running sum), NaN before the window is full. */
function sma(values: Float64Array, period: number): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  for (let i = period - 1; i < values.length; i++) {
    let sum = 0;
    for (let j = i - period + 1; j <= i; j++) sum += values[j];
    out[i] = sum / period;
  }
  return out;
}

interface ExpectedTrade {
  entryBar: number;
  exitBar: number;
  entryPrice: number;
  exitPrice: number;
  size: number;
  pnl: number;
}

/**
 * Long-only, all-in trades of an SMA cross, by CONTRACT.md section 2: a signal at bar t fills at
 * open[t + 1], the last bar's signals never act, an open position closes at the last close.
 */
function expectedSmaCrossTrades(bars: ReturnType<typeof readSharedCsv>, fastN: number, slowN: number, fee: number) {
  const fast = sma(bars.close, fastN);
  const slow = sma(bars.close, slowN);
  const n = bars.close.length;
  const crossUp = (t: number) => t > 0 && fast[t] > slow[t] && fast[t - 1] <= slow[t - 1];
  const crossDown = (t: number) => t > 0 && fast[t] < slow[t] && fast[t - 1] >= slow[t - 1];
  const trades: ExpectedTrade[] = [];
  let cash = 10_000;
  let open: { bar: number; price: number; size: number } | undefined;
  const close = (bar: number, price: number) => {
    if (open === undefined) return;
    const fees = fee * open.size * open.price + fee * open.size * price;
    const pnl = open.size * (price - open.price) - fees;
    trades.push({ entryBar: open.bar, exitBar: bar, entryPrice: open.price, exitPrice: price, size: open.size, pnl });
    cash += pnl;
    open = undefined;
  };
  for (let t = 1; t < n; t++) {
    if (open !== undefined && crossDown(t - 1)) close(t, bars.open[t]);
    else if (open === undefined && crossUp(t - 1)) {
      open = { bar: t, price: bars.open[t], size: cash / (bars.open[t] * (1 + fee)) };
    }
  }
  close(n - 1, bars.close[n - 1]);
  return { trades, equityFinal: cash };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describeWithSharedData('stratex backtest on the Kraken BTC/USD 2022 file', () => {
  const data = sharedPath('kraken_BTCUSD_1h_2022.csv');
  const year = readSharedCsv('kraken_BTCUSD_1h_2022.csv');

  it('prints a complete result for the example command whose trades follow the next-open rule', async () => {
    const result = await resultOf([
      'backtest',
      example('sma_cross.js'),
      ...KRAKEN_2022,
      '--data',
      data,
      '--param',
      'fast=10',
      '--param',
      'slow=30',
      '--fee',
      '0.001',
    ]);
    expect(Object.keys(result).sort()).toEqual([
      'diagnostics',
      'equity',
      'id',
      'indicators',
      'llmAnalysis',
      'metrics',
      'request',
      'signals',
      'status',
      'trades',
    ]);
    expect(result.status).toBe('succeeded');
    expect(result.request.parameters).toEqual({ fast: 10, slow: 30 });
    expect(result.diagnostics).toMatchObject({
      bars: 8760,
      warmupBars: 0,
      gaps: 0,
      duplicatesDropped: 0,
      runtime: 'node',
      lookAhead: 'none-detected',
    });
    expect(result.equity.time.length).toBe(8760);
    expect(result.indicators.fast.length).toBe(8760);
    expect(Object.values(result.metrics).every((v) => v === null || Number.isFinite(v))).toBe(true);

    const expected = expectedSmaCrossTrades(year, 10, 30, 0.001);
    expect(result.trades.length).toBe(expected.trades.length);
    result.trades.forEach((trade, i) => {
      const want = expected.trades[i];
      expect([trade.entryBar, trade.exitBar, trade.entryPrice, trade.exitPrice]).toEqual([
        want.entryBar,
        want.exitBar,
        want.entryPrice,
        want.exitPrice,
      ]);
      expect(trade.entryTime).toBe(year.time[want.entryBar]);
      expect(near(trade.size, want.size) && near(trade.pnl, want.pnl), `trade ${i}`).toBe(true);
    });
    expect(near(result.metrics.equityFinal!, expected.equityFinal)).toBe(true);
    expect(result.equity.equity[8759]).toBe(result.metrics.equityFinal);
  });

  it('accepts unsorted input: the same result as the sorted file', async () => {
    const lines = readFileSync(data, 'utf8').trim().split('\n');
    const rows = lines.slice(1, 2001);
    // 7919 is prime to 2000, so this is a permutation of the rows.
    const shuffled = Array.from(rows, (_, i) => rows[(i * 7919) % rows.length]);
    expect(new Set(shuffled).size).toBe(rows.length);
    const sortedFile = file('sorted.csv', `${lines[0]}\n${rows.join('\n')}\n`);
    const shuffledFile = file('shuffled.csv', `${lines[0]}\n${shuffled.join('\n')}\n`);
    const args = ['backtest', example('sma_cross.js'), ...KRAKEN_2022];
    const sorted = await resultOf([...args, '--data', sortedFile]);
    const unsorted = await resultOf([...args, '--data', shuffledFile]);
    expect(unsorted.trades).toEqual(sorted.trades);
    expect(unsorted.diagnostics.dataHash).toBe(sorted.diagnostics.dataHash);
    expect(sorted.diagnostics.bars).toBe(2000);
  });

  it('detects a strategy that peeks at the next bar, at the first counted bar a shorter run changes', async () => {
    const peek = file(
      'peek.js',
      `export function strategy(data) {
  const n = data.close.length;
  const entries = new Uint8Array(n);
  const exits = new Uint8Array(n);
  for (let i = 0; i + 1 < n; i++) {
    entries[i] = data.close[i + 1] > data.close[i] ? 1 : 0;
    exits[i] = data.close[i + 1] < data.close[i] ? 1 : 0;
  }
  return { entries, exits };
}
`,
    );
    const result = await resultOf(['backtest', peek, ...KRAKEN_2022, '--data', data]);
    expect(result.diagnostics.lookAhead).toBe('detected');
    expect(result.diagnostics.lookAheadBar).toBe(firstPeekingBar(year.close));
  });

  it('writes the trades and the equity curve as CSV files', async () => {
    const trades = join(dir, 'trades.csv');
    const equity = join(dir, 'equity.csv');
    const result = await resultOf([
      'backtest',
      example('sma_cross.js'),
      ...KRAKEN_2022,
      '--data',
      data,
      '--export-trades',
      trades,
      '--export-equity',
      equity,
    ]);
    const tradeRows = readFileSync(trades, 'utf8').trim().split('\n');
    expect(tradeRows[0]).toBe(
      'side,entryBar,entryTime,entryPrice,exitBar,exitTime,exitPrice,size,fees,pnl,returnPct,exitReason',
    );
    expect(tradeRows.length - 1).toBe(result.trades.length);
    const first = tradeRows[1].split(',');
    expect(Number(first[3])).toBe(result.trades[0].entryPrice);
    expect(Number(first[9])).toBe(result.trades[0].pnl);
    const equityRows = readFileSync(equity, 'utf8').trim().split('\n');
    expect(equityRows.length).toBe(8761);
    expect(Number(equityRows[8760].split(',')[1])).toBe(result.metrics.equityFinal);
  });

  it('prints a readable summary: data range, metrics table, trade count, look-ahead verdict, warnings', async () => {
    const run = await runCli(['backtest', example('sma_cross.js'), ...KRAKEN_2022, '--data', data, '--warmup', '50']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2022-01-01 00:00 → 2022-12-31 23:00 UTC/);
    expect(run.stdout).toMatch(/^ {2}trades {6}\d+ \(/m);
    expect(run.stdout).toMatch(/^ {2}look-ahead {2}none detected/m);
    expect(run.stdout).toMatch(/^ {2}Sharpe Ratio +-?\d/m);
    expect(run.stdout).toMatch(/^warning: only 0 of the 50 warm-up bars exist before 2022-01-01T00:00:00.000Z$/m);
    expect(run.stderr).toBe('');
  });

  it('exits 2 for a parameter the strategy does not declare or cannot take', async () => {
    const unknown = await runCli([
      'backtest',
      example('sma_cross.js'),
      ...KRAKEN_2022,
      '--data',
      data,
      '--param',
      'fsat=5',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error INVALID_REQUEST: Unknown parameter "fsat".*fast, slow/);
    const typed = await runCli([
      'backtest',
      example('sma_cross.js'),
      ...KRAKEN_2022,
      '--data',
      data,
      '--param',
      'fast=ten',
      '--json',
    ]);
    expect(typed.code).toBe(2);
    expect(JSON.parse(typed.stdout).error).toMatchObject({ code: 'INVALID_REQUEST', details: { param: 'fast' } });
  });

  it('exits 1 with STRATEGY_ERROR, the user line and what it printed, showing nothing of the host', async () => {
    const broken = file(
      'broken.js',
      'export function strategy(data) {\n  console.log("bars", data.length);\n  throw new Error("boom");\n}\n',
    );
    const run = await runCli(['backtest', broken, ...KRAKEN_2022, '--data', data, '--json']);
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout);
    expect(body.error.code).toBe('STRATEGY_ERROR');
    expect(body.error.message).toMatch(/boom/);
    expect(body.error.details.line).toBe(3);
    expect(run.stdout).not.toMatch(HOST_PATHS);
    const plain = await runCli(['backtest', broken, ...KRAKEN_2022, '--data', data]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^error STRATEGY_ERROR: .*boom/);
    expect(plain.stderr).toMatch(/^strategy output:\n {2}\| bars 8760$/m);
    expect(plain.stderr).not.toMatch(HOST_PATHS);
  });
});

describe('the examples', () => {
  it('sma_cross.js and bollinger_breakout.js trade on synthetic data; bollinger goes short too', async () => {
    const sma = await resultOf(['backtest', example('sma_cross.js'), ...SYNTHETIC]);
    expect(sma.trades.length).toBeGreaterThan(10);
    const bollinger = await resultOf(['backtest', example('bollinger_breakout.js'), ...SYNTHETIC, '--timeframe', '4h']);
    expect(bollinger.trades.some((t) => t.side === 'short')).toBe(true);
    expect(bollinger.trades.some((t) => t.side === 'long')).toBe(true);
    expect(bollinger.diagnostics.lookAhead).toBe('none-detected');
  });

  it('rsi_reversion.ts runs as TypeScript, with its stop loss', async () => {
    const result = await resultOf(['backtest', example('rsi_reversion.ts'), ...SYNTHETIC, '--seed', '3']);
    expect(result.request.language).toBe('typescript');
    expect(result.trades.length).toBeGreaterThan(5);
    expect(result.trades.some((t) => t.exitReason === 'stop_loss')).toBe(true);
  });

  it('trailing_trend.js runs bar by bar and leaves trades at its trailing stop', async () => {
    const result = await resultOf(['backtest', example('trailing_trend.js'), ...SYNTHETIC, '--param', 'trail=0.03']);
    expect(result.diagnostics.lookAhead).toBe('not-applicable');
    expect(result.request.parameters).toEqual({ fast: 20, slow: 50, trail: 0.03 });
    expect(result.trades.some((t) => t.exitReason === 'trailing_stop')).toBe(true);
  });

  it('give the same result for the same seed and a different one for another seed', async () => {
    const a = await resultOf(['backtest', example('sma_cross.js'), ...SYNTHETIC, '--seed', '5']);
    const b = await resultOf(['backtest', example('sma_cross.js'), ...SYNTHETIC, '--seed', '5']);
    const c = await resultOf(['backtest', example('sma_cross.js'), ...SYNTHETIC, '--seed', '6']);
    expect(b.trades).toEqual(a.trades);
    expect(b.request.seed).toBe(5);
    expect(c.diagnostics.dataHash).not.toBe(a.diagnostics.dataHash);
  });
});

describe('limits from the command line', () => {
  it('stops a strategy at --timeout with TIMEOUT (exit 1) and at --memory with MEMORY_LIMIT', async () => {
    const loop = file('loop.js', 'export function strategy(data) {\n  for (;;) {}\n}\n');
    const slow = await runCli(['backtest', loop, ...SYNTHETIC, '--to', '2022-01-10', '--timeout', '300ms']);
    expect(slow.code).toBe(1);
    expect(slow.stderr).toMatch(/^error TIMEOUT: /);
    const hog = file(
      'hog.js',
      'export function strategy() {\n  const a = [];\n  for (;;) a.push(new Float64Array(1e6));\n}\n',
    );
    const big = await runCli(['backtest', hog, ...SYNTHETIC, '--to', '2022-01-10', '--memory', '64mb']);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/^error MEMORY_LIMIT: /);
  });
});
