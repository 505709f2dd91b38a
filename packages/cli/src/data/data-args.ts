/** The flags of `stratex data …` (CONTRACT.md section 5), read once for every subcommand. */
import { parseArgs } from 'node:util';
import { type SeriesKey, StratexError } from '@stratex/core';

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
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    const unknown = (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    throw new StratexError(
      'INVALID_REQUEST',
      `${unknown ? 'unknown option' : 'option'} ${flag}${unknown ? '' : ' needs a value'}; see stratex data --help`,
      { flag },
    );
  }
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
