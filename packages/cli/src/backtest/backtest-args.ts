/** The flags of `stratex backtest` (CONTRACT.md section 5), read into a request and output choices. */
import { type ExecutionRequest, type StrategyLanguage, StratexError } from '@stratex/core';
import { readFlags } from '../flags.js';
import { parseCount, parseDuration, parseMegabytes, parseNumber } from './quantities.js';

const OPTIONS = {
  provider: { type: 'string' },
  symbol: { type: 'string' },
  timeframe: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  data: { type: 'string' },
  param: { type: 'string', multiple: true },
  cash: { type: 'string' },
  fee: { type: 'string' },
  slippage: { type: 'string' },
  'lot-size': { type: 'string' },
  timeout: { type: 'string' },
  memory: { type: 'string' },
  warmup: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  'export-trades': { type: 'string' },
  'export-equity': { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const REQUIRED = ['provider', 'symbol', 'timeframe', 'from', 'to'] as const;

/** What the command does with a result, besides the request itself. */
export interface BacktestArgs {
  help: boolean;
  json: boolean;
  /** The strategy file as given. */
  file: string;
  /** The request, without the code (read from `file` later). */
  request: Omit<ExecutionRequest, 'code'>;
  csvFile?: string;
  exportTrades?: string;
  exportEquity?: string;
}

/** `--json` as written, even when the rest cannot be parsed, so that errors come out in the right form. */
export function wantsJson(argv: string[]): boolean {
  return argv.includes('--json');
}

/** Reads the flags; `INVALID_REQUEST` naming the flag for anything unknown, missing or malformed. */
export function parseBacktestArgs(argv: string[]): BacktestArgs {
  const { values, positionals } = readBacktestFlags(argv);
  const json = values.json === true;
  if (values.help === true) return { help: true, json, file: '', request: {} as BacktestArgs['request'] };
  if (values.report !== undefined) {
    throw new StratexError('INVALID_REQUEST', '--report is planned but not built yet; use --json or the summary', {
      flag: '--report',
    });
  }
  if (positionals.length !== 1) {
    throw new StratexError(
      'INVALID_REQUEST',
      positionals.length === 0
        ? 'missing the strategy file: stratex backtest <file> …'
        : `one strategy file at a time; got ${positionals.join(' ')}`,
    );
  }
  const missing = REQUIRED.filter((flag) => values[flag] === undefined);
  if (missing.length > 0) {
    throw new StratexError('INVALID_REQUEST', `missing ${missing.map((flag) => `--${flag}`).join(', ')}`, {
      flags: missing.map((flag) => `--${flag}`),
    });
  }
  const file = positionals[0];
  return {
    help: false,
    json,
    file,
    request: buildRequest(values, languageOf(file)),
    ...(values.data === undefined ? {} : { csvFile: values.data }),
    ...(values['export-trades'] === undefined ? {} : { exportTrades: values['export-trades'] }),
    ...(values['export-equity'] === undefined ? {} : { exportEquity: values['export-equity'] }),
  };
}

type Values = ReturnType<typeof readBacktestFlags>['values'];

function readBacktestFlags(argv: string[]) {
  return readFlags(argv, OPTIONS, 'backtest');
}

function buildRequest(values: Values, language: StrategyLanguage): BacktestArgs['request'] {
  const request: BacktestArgs['request'] = {
    language,
    providerId: values.provider!,
    symbol: values.symbol!,
    timeframe: values.timeframe!,
    startDate: values.from!,
    endDate: values.to!,
    parameters: readParams(values.param ?? []),
  };
  const number = (flag: 'cash' | 'fee' | 'slippage' | 'lot-size') =>
    values[flag] === undefined ? undefined : parseNumber(flag, values[flag]);
  const optional: Partial<BacktestArgs['request']> = {
    cash: number('cash'),
    fee: number('fee'),
    slippage: number('slippage'),
    lotSize: number('lot-size'),
    warmup: values.warmup === undefined ? undefined : parseCount('warmup', values.warmup),
    seed: values.seed === undefined ? undefined : parseCount('seed', values.seed),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(request, { [key]: value });
  }
  const limits: ExecutionRequest['limits'] = {};
  if (values.timeout !== undefined) limits.timeoutMs = parseDuration('timeout', values.timeout);
  if (values.memory !== undefined) limits.memoryMb = parseMegabytes('memory', values.memory);
  if (Object.keys(limits).length > 0) request.limits = limits;
  return request;
}

/** `--param k=v`, repeatable; values stay strings, typed by the strategy's defaults in the runtime. */
function readParams(pairs: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    if (eq <= 0 || name === '') {
      throw new StratexError('INVALID_REQUEST', `--param needs name=value; got "${pair}"`, { flag: '--param' });
    }
    params[name] = pair.slice(eq + 1);
  }
  return params;
}

const LANGUAGES: Record<string, StrategyLanguage> = {
  '.py': 'python',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
};

/** The language of a strategy file, from its extension (CONTRACT.md section 1). */
export function languageOf(file: string): StrategyLanguage {
  const extension = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';
  const language = LANGUAGES[extension];
  if (language === undefined) {
    throw new StratexError('INVALID_REQUEST', `cannot tell the language of ${file}: use a .py, .js or .ts file`, {
      file,
    });
  }
  return language;
}
