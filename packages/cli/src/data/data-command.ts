/** `stratex data import|show|gaps|backfill`: market data into and out of the local candle store. */
import { type CandleStore, StratexError, toStratexError } from '@stratex/core';
import type { CliIo } from '../io.js';
import { reportError } from '../report-error.js';
import { backfillCommand } from './backfill-command.js';
import { readDataFlags } from './data-args.js';
import { DATA_HELP } from './data-help.js';
import { gapsCommand } from './gaps-command.js';
import { importCommand } from './import-command.js';
import { showCommand } from './show-command.js';

/** One subcommand: the flags read, the output, and the local store (opened for it). */
export type DataSubcommand = (context: DataContext) => Promise<void>;

export interface DataContext {
  values: ReturnType<typeof readDataFlags>['values'];
  positionals: string[];
  io: CliIo;
  json: boolean;
  store: CandleStore;
}

const SUBCOMMANDS: Record<string, DataSubcommand> = {
  import: importCommand,
  show: showCommand,
  gaps: gapsCommand,
  backfill: backfillCommand,
};

/** Runs `stratex data <argv…>` and returns the exit code. */
export async function dataCommand(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    const [name, ...rest] = argv;
    const { values, positionals } = readDataFlags(rest);
    if (name === undefined || name === '--help' || name === '-h' || values.help === true) {
      io.stdout.write(DATA_HELP);
      return 0;
    }
    const subcommand = SUBCOMMANDS[name];
    if (subcommand === undefined) {
      throw new StratexError('INVALID_REQUEST', `unknown data command "${name}"; see stratex data --help`, {
        command: name,
      });
    }
    const { openLocalCandleStore } = await import('@stratex/local');
    const local = await openLocalCandleStore();
    try {
      await subcommand({ values, positionals, io, json, store: local.store });
    } finally {
      await local.close();
    }
    return 0;
  } catch (err) {
    return reportError(io, toStratexError(err), json);
  }
}
