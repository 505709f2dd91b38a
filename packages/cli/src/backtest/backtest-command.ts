/** `stratex backtest <file> …`: read the flags and the file, run the backtest locally, print the result. */
import { readFile } from 'node:fs/promises';
import { type ExecutionResult, StratexError, toStratexError } from '@stratex/core';
import type { LocalExecutionOptions } from '@stratex/local';
import { BACKTEST_HELP } from '../help.js';
import type { CliIo } from '../io.js';
import { reportError } from '../report-error.js';
import { type BacktestArgs, parseBacktestArgs, wantsJson } from './backtest-args.js';
import { equityCsv, tradesCsv, writeExport } from './export-csv.js';
import { formatSummary } from './summary.js';

/** Adapters to use instead of the real ones (tests): a fixed clock, another runtime. */
export type BacktestOverrides = Pick<LocalExecutionOptions, 'clock' | 'runtime'>;

/** Runs the command and returns its exit code; nothing it does ends in a stack trace. */
export async function backtestCommand(argv: string[], io: CliIo, overrides: BacktestOverrides = {}): Promise<number> {
  const json = wantsJson(argv);
  try {
    const args = parseBacktestArgs(argv);
    if (args.help) {
      io.stdout.write(BACKTEST_HELP);
      return 0;
    }
    const result = await execute(args, await readStrategy(args.file), overrides);
    if (result.status === 'failed') return reportError(io, result.error, json, result);
    if (args.exportTrades !== undefined)
      await writeExport('--export-trades', args.exportTrades, tradesCsv(result.trades));
    if (args.exportEquity !== undefined)
      await writeExport('--export-equity', args.exportEquity, equityCsv(result.equity));
    io.stdout.write(json ? `${JSON.stringify(result)}\n` : formatSummary(args.file, result));
    return 0;
  } catch (err) {
    return reportError(io, toStratexError(err), json);
  }
}

async function readStrategy(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'it cannot be read';
    throw new StratexError('INVALID_REQUEST', `strategy file ${file}: ${reason}`, { file });
  }
}

/** The local composition is imported only here, so `--help` and flag errors never load a runtime. */
async function execute(args: BacktestArgs, code: string, overrides: BacktestOverrides): Promise<ExecutionResult> {
  const { createLocalExecution } = await import('@stratex/local');
  const execution = createLocalExecution({
    ...overrides,
    ...(args.csvFile === undefined ? {} : { csvFile: args.csvFile }),
  });
  try {
    return await execution.run({ ...args.request, code });
  } finally {
    await execution.close();
  }
}
