/** Reading a command's flags with node:util's parseArgs, its mistakes turned into one wording for every command. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { StratexError } from '@stratex/core';

type Options = NonNullable<ParseArgsConfig['options']>;
/** What parseArgs gives for `options`, positionals allowed. */
export type ParsedFlags<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * Parses `argv` strictly (positionals allowed). An unknown flag, a missing value, a value given to a
 * boolean or an ambiguous value is `INVALID_REQUEST` naming the flag and pointing at `stratex <command> --help`.
 */
export function readFlags<const O extends Options>(argv: string[], options: O, command: string): ParsedFlags<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    const help = `see stratex ${command} --help`;
    if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new StratexError('INVALID_REQUEST', `unknown option ${flag}; ${help}`, { flag });
    }
    const problem = message.includes('ambiguous')
      ? `a value starting with "-" must be written ${flag}=<value>`
      : message.includes('does not take')
        ? 'takes no value'
        : 'needs a value';
    throw new StratexError('INVALID_REQUEST', `option ${flag} ${problem}; ${help}`, { flag });
  }
}
