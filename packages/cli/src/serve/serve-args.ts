/** The flags of `stratex serve` (CONTRACT.md section 5). */
import { StratexError } from '@stratex/core';
import { readFlags } from '../flags.js';

export interface ServeArgs {
  help: boolean;
  json: boolean;
  port?: number;
  host?: string;
  csvFile?: string;
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseServeArgs(argv: string[]): ServeArgs {
  const { values, positionals } = readFlags(argv, OPTIONS, 'serve');
  if (positionals.length > 0) {
    const argument = positionals[0].slice(0, 100);
    throw new StratexError('INVALID_REQUEST', `stratex serve does not take "${argument}"; see stratex serve --help`, {
      argument,
    });
  }
  const args: ServeArgs = { help: values.help === true, json: values.json === true };
  if (values.port !== undefined) args.port = parsePort(values.port);
  if (values.host !== undefined) args.host = values.host;
  if (values.data !== undefined) args.csvFile = values.data;
  return args;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65_535) {
    throw new StratexError('INVALID_REQUEST', `--port must be a number in [0, 65535]; got ${text}`, { flag: '--port' });
  }
  return port;
}
