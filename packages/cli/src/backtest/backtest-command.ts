/** `stratex backtest <file> …`: read the flags and the file, run the backtest locally, print the result. */
import { readFile } from 'node:fs/promises';
import { type ExecutionResult, StratexError, toStratexError } from '@stratex/core';
import type { LocalExecution, LocalExecutionOptions } from '@stratex/local/execution';
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
    // The runtime's child (a sandboxed Node or Python process) takes longest to start, so it starts
    // first and comes up while the strategy and the data are read.
    const opening = openExecution(args, overrides);
    const reading = readStrategy(args.file);
    // Its failure is reported where it is awaited, after the execution has opened.
    reading.catch(() => undefined);
    const result = await execute(opening, args, reading);
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

/**
 * The local composition (imported only here, so `--help` and flag errors never load a runtime), with
 * the runtime of the strategy's language already starting.
 */
async function openExecution(args: BacktestArgs, overrides: BacktestOverrides): Promise<LocalExecution> {
  const { createLocalExecution } = await import('@stratex/local/execution');
  const execution = createLocalExecution({
    ...overrides,
    ...(args.csvFile === undefined ? {} : { csvFile: args.csvFile }),
  });
  execution.warmUp(args.request.language);
  return execution;
}

async function execute(
  opening: Promise<LocalExecution>,
  args: BacktestArgs,
  reading: Promise<string>,
): Promise<ExecutionResult> {
  const execution = await opening;
  try {
    return await execution.run({ ...args.request, code: await reading });
  } finally {
    await execution.close();
  }
}
