/**
 * computeMetrics against backtesting.py 0.6 itself: bt_crosscheck.py runs backtesting.py's own
 * Backtest (an SMA cross, long and short, with commission) on real candles and prints its trades,
 * equity curve and `compute_stats`; we feed the same trades, equity and bars to computeMetrics.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeWithPython, venvPython } from '../../../../../testing/python.js';
import { describeWithSharedData, sharedPath } from '../../../../../testing/shared-data.js';
import type { Metrics, Trade } from '../../types.js';
import { computeMetrics } from '../index.js';

interface BtTrade extends Omit<Trade, 'returnPct' | 'exitReason'> {
  /** backtesting.py's `Trade.pl_pct` (a fraction). */
  plPct: number;
}

interface BtRun {
  bars: { time: number[]; close: number[] };
  equity: number[];
  trades: BtTrade[];
  stats: Record<string, number | null>;
  profitFactorOfMoney: number | null;
}

const script = join(dirname(fileURLToPath(import.meta.url)), 'bt_crosscheck.py');

function runBacktestingPy(csv: string, args: string[]): BtRun {
  const run = spawnSync(venvPython, [script, sharedPath(csv), ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`bt_crosscheck.py failed: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as BtRun;
}

/** The contract's Trade: returnPct is backtesting.py's pl_pct × 100. */
function toTrade(t: BtTrade): Trade {
  const { plPct, ...rest } = t;
  return { ...rest, returnPct: plPct * 100, exitReason: 'signal' };
}

function expectClose(actual: number | null, expected: number | null, name: string): void {
  if (expected === null || actual === null) {
    expect(actual, name).toBe(expected);
    return;
  }
  const tolerance = 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
  expect(Math.abs(actual - expected), `${name}: ours ${actual}, backtesting.py ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

/** Σ positive / |Σ negative| of some per-trade values, NaN → null as in our JSON. */
function ratioOfSums(values: number[]): number | null {
  const gains = values.filter((v) => v > 0).reduce((a, b) => a + b, 0);
  const losses = -values.filter((v) => v < 0).reduce((a, b) => a + b, 0);
  return losses > 0 ? gains / losses : null;
}

/** Times (ms) and counts must be equal, not merely close. */
const EXACT = new Set(['startTime', 'endTime', 'trades']);

const CASES: { name: string; csv: string; args: string[] }[] = [
  { name: 'Kraken BTC/USD 2022, hourly', csv: 'kraken_BTCUSD_1h_2022.csv', args: [] },
  {
    name: 'Coinbase BTC/USD 2017–2018, hourly with gaps and flat bars',
    csv: 'coinbase_BTCUSD_1h.csv',
    args: ['--rows', ':12000', '--fast', '24', '--slow', '72'],
  },
  {
    name: 'Kraken ETH/USD 2019–2021, hourly',
    csv: 'kraken_ETHUSD_1h.csv',
    args: ['--rows', '30000:50000', '--fast', '20', '--slow', '60'],
  },
  {
    name: 'Kraken BTC/USD 2022 without weekends (252 trading days a year)',
    csv: 'kraken_BTCUSD_1h_2022.csv',
    args: ['--drop-weekends'],
  },
  {
    name: 'Kraken BTC/USD 2013–2023, daily bars',
    csv: 'kraken_BTCUSD_1h.csv',
    args: ['--resample', '1D', '--fast', '10', '--slow', '40'],
  },
  {
    name: 'Kraken ETH/USD 2015–2023, weekly bars (weekly returns, 52 a year)',
    csv: 'kraken_ETHUSD_1h.csv',
    args: ['--resample', 'W-MON', '--fast', '4', '--slow', '12'],
  },
  {
    name: 'Kraken BTC/USD 2013–2023, monthly bars (monthly returns, 12 a year)',
    csv: 'kraken_BTCUSD_1h.csv',
    args: ['--resample', 'MS', '--fast', '3', '--slow', '8'],
  },
];

describeWithSharedData('metrics against backtesting.py 0.6', () => {
  describeWithPython('computeMetrics = compute_stats on the same trades and equity', ['backtesting'], () => {
    for (const { name, csv, args } of CASES) {
      it(name, () => {
        const bt = runBacktestingPy(csv, args);
        expect(bt.trades.length).toBeGreaterThan(5);
        const trades = bt.trades.map(toTrade);
        const ours = computeMetrics({
          trades,
          equity: Float64Array.from(bt.equity),
          time: bt.bars.time,
          close: bt.bars.close,
        });

        for (const [key, expected] of Object.entries(bt.stats)) {
          if (key === 'profitFactorOfReturns') continue;
          if (EXACT.has(key)) expect(ours[key as keyof Metrics], key).toBe(expected);
          else expectClose(ours[key as keyof Metrics], expected, key);
        }
        // The deliberate difference: profit factor in money, against a separate computation…
        expectClose(ours.profitFactor, bt.profitFactorOfMoney, 'profitFactor');
        // …while backtesting.py's is the same ratio of the trades' returns.
        expectClose(ratioOfSums(bt.trades.map((t) => t.plPct)), bt.stats.profitFactorOfReturns, 'Profit Factor');
      });
    }
  });
});

describeWithSharedData('trade records as backtesting.py writes them', () => {
  describeWithPython('returnPct = pl_pct × 100', ['backtesting'], () => {
    it('is side × (exit / entry − 1) − fees / (size × entry), in percent', () => {
      const bt = runBacktestingPy('kraken_BTCUSD_1h_2022.csv', []);
      for (const t of bt.trades) {
        const side = t.side === 'long' ? 1 : -1;
        const contract = side * (t.exitPrice / t.entryPrice - 1) - t.fees / (t.size * t.entryPrice);
        expect(Math.abs(contract - t.plPct)).toBeLessThanOrEqual(1e-15);
        expect(Math.abs(t.pnl - (side * t.size * (t.exitPrice - t.entryPrice) - t.fees))).toBeLessThanOrEqual(
          1e-9 * Math.abs(t.pnl) + 1e-6,
        );
      }
    });
  });
});
