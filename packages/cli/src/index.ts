/** The `stratex` command line: `main(argv)` returns the exit code (CONTRACT.md sections 4 and 5). */
import { StratexError } from '@stratex/core';
import { type BacktestOverrides, backtestCommand } from './backtest/backtest-command.js';
import { MAIN_HELP } from './help.js';
import { type CliIo, processIo } from './io.js';
import { reportError } from './report-error.js';
import { serveCommand } from './serve/serve-command.js';

export type { BacktestOverrides } from './backtest/backtest-command.js';
export type { CliIo } from './io.js';

const PLANNED = new Set(['analyze', 'generate', 'paper']);

/** Runs `stratex <argv…>` and resolves with the exit code: 0 ok, 1 run failed, 2 invalid request. */
export async function main(argv: string[], io: CliIo = processIo, overrides: BacktestOverrides = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(MAIN_HELP);
    return 0;
  }
  if (command === 'backtest') return backtestCommand(rest, io, overrides);
  // Imported on use: they reach the local store (AWS SDK, dynalite), which a backtest never loads.
  if (command === 'data') return (await import('./data/data-command.js')).dataCommand(rest, io);
  if (command === 'keys') return (await import('./keys/keys-command.js')).keysCommand(rest, io);
  if (command === 'serve') return serveCommand(rest, io);
  const json = argv.includes('--json');
  if (PLANNED.has(command)) {
    return reportError(
      io,
      new StratexError('INVALID_REQUEST', `stratex ${command} is planned but not built yet`),
      json,
    );
  }
  return reportError(
    io,
    new StratexError('INVALID_REQUEST', `unknown command "${command}"; see stratex --help`, { command }),
    json,
  );
}
