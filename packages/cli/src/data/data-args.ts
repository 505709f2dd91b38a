/** The flags of `stratex data …` (CONTRACT.md section 5), read once for every subcommand. */
import { type SeriesKey, StratexError } from '@stratex/core';
import { readFlags } from '../flags.js';

const OPTIONS = {
  provider: { type: 'string' },
  symbol: { type: 'string' },
  timeframe: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
  repair: { type: 'boolean' },
  all: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type DataValues = ReturnType<typeof readDataFlags>['values'];

/** Parses `argv` (after the subcommand); `INVALID_REQUEST` naming the flag for unknown or valueless ones. */
export function readDataFlags(argv: string[]) {
  return readFlags(argv, OPTIONS, 'data');
}

/** The series named by --provider, --symbol and --timeframe, all three required. */
export function requireSeries(values: DataValues): SeriesKey {
  const missing = (['provider', 'symbol', 'timeframe'] as const).filter((flag) => values[flag] === undefined);
  if (missing.length > 0) {
    throw new StratexError('INVALID_REQUEST', `missing ${missing.map((flag) => `--${flag}`).join(', ')}`, {
      flags: missing.map((flag) => `--${flag}`),
    });
  }
  return { provider: values.provider!, symbol: values.symbol!, timeframe: values.timeframe! };
}
