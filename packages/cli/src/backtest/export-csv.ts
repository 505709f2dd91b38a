/** `--export-trades` and `--export-equity`: the result's trades and equity curve as CSV files. */
import { writeFile } from 'node:fs/promises';
import { StratexError, type SucceededExecution, type Trade } from '@stratex/core';

const TRADE_COLUMNS: (keyof Trade)[] = [
  'side',
  'entryBar',
  'entryTime',
  'entryPrice',
  'exitBar',
  'exitTime',
  'exitPrice',
  'size',
  'fees',
  'pnl',
  'returnPct',
  'exitReason',
];

/** One row per trade; times in ms UTC like the input CSV, numbers at full precision. */
export function tradesCsv(trades: Trade[]): string {
  const rows = trades.map((trade) => TRADE_COLUMNS.map((column) => String(trade[column])).join(','));
  return `${[TRADE_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

/** One row per counted bar: `time,equity,drawdownPct`. */
export function equityCsv(equity: SucceededExecution['equity']): string {
  const rows = equity.time.map((time, i) => `${time},${equity.equity[i]},${equity.drawdownPct[i]}`);
  return `${['time,equity,drawdownPct', ...rows].join('\n')}\n`;
}

/** Writes a file; a path that cannot be written is an INVALID_REQUEST naming the flag. */
export async function writeExport(flag: string, file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch {
    throw new StratexError('INVALID_REQUEST', `${flag} ${file}: the file cannot be written`, { flag });
  }
}
