import { StratexError } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { languageOf, parseBacktestArgs } from './backtest-args.js';

const BASE = [
  's.js',
  '--provider',
  'synthetic',
  '--symbol',
  'BTC/USD',
  '--timeframe',
  '1h',
  '--from',
  '2022-01-01',
  '--to',
  '2022-02-01',
];

function rejection(argv: string[]): StratexError {
  try {
    parseBacktestArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(StratexError);
    return err as StratexError;
  }
  throw new Error('expected the arguments to be rejected');
}

describe('parseBacktestArgs', () => {
  it('reads every flag of CONTRACT section 5 into the request', () => {
    const args = parseBacktestArgs([
      ...BASE,
      '--param',
      'fast=10',
      '--param',
      'slow=30',
      '--param',
      'label=a=b',
      '--cash',
      '5000',
      '--fee',
      '0.001',
      '--slippage',
      '0.0005',
      '--lot-size',
      '0.01',
      '--timeout',
      '2.5s',
      '--memory',
      '1gb',
      '--warmup',
      '50',
      '--seed',
      '7',
      '--data',
      'bars.csv',
      '--json',
      '--export-trades',
      't.csv',
      '--export-equity',
      'e.csv',
    ]);
    expect(args).toMatchObject({
      json: true,
      file: 's.js',
      csvFile: 'bars.csv',
      exportTrades: 't.csv',
      exportEquity: 'e.csv',
    });
    expect(args.request).toEqual({
      language: 'javascript',
      providerId: 'synthetic',
      symbol: 'BTC/USD',
      timeframe: '1h',
      startDate: '2022-01-01',
      endDate: '2022-02-01',
      parameters: { fast: '10', slow: '30', label: 'a=b' },
      cash: 5000,
      fee: 0.001,
      slippage: 0.0005,
      lotSize: 0.01,
      warmup: 50,
      seed: 7,
      limits: { timeoutMs: 2500, memoryMb: 1024 },
    });
  });

  it('rejects an unknown flag by name', () => {
    const err = rejection([...BASE, '--fees', '0.001']);
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.message).toBe('unknown option --fees; see stratex backtest --help');
    expect(err.details).toEqual({ flag: '--fees' });
  });

  it('rejects a flag without its value, missing flags and a missing file', () => {
    expect(rejection([...BASE, '--cash']).message).toBe('option --cash needs a value; see stratex backtest --help');
    expect(rejection([...BASE, '--json=yes']).message).toMatch(/^option --json takes no value/);
    expect(rejection(BASE.filter((a) => a !== '--symbol' && a !== 'BTC/USD')).message).toBe('missing --symbol');
    expect(rejection(BASE.slice(1)).message).toMatch(/missing the strategy file/);
  });

  it('rejects malformed numbers, durations, sizes and params, naming the flag', () => {
    expect(rejection([...BASE, '--cash', '10k']).message).toBe('--cash must be a number; got "10k"');
    expect(rejection([...BASE, '--warmup=-3']).message).toMatch(/^--warmup must be a whole number/);
    expect(rejection([...BASE, '--warmup', '-3']).message).toMatch(
      /^option --warmup a value starting with "-" must be/,
    );
    expect(rejection([...BASE, '--timeout', '10 hours']).message).toMatch(/^--timeout must be a duration/);
    expect(rejection([...BASE, '--memory', 'lots']).message).toMatch(/^--memory must be a size/);
    expect(rejection([...BASE, '--param', 'fast']).message).toBe('--param needs name=value; got "fast"');
    expect(rejection([...BASE, '--param', '=3']).message).toMatch(/^--param needs name=value/);
  });

  it('answers --report with "planned, not built yet"', () => {
    expect(rejection([...BASE, '--report', 'out.html']).message).toMatch(/--report is planned but not built yet/);
  });
});

describe('languageOf', () => {
  it('tells the language by the extension', () => {
    expect(languageOf('a/b.py')).toBe('python');
    expect(languageOf('x.js')).toBe('javascript');
    expect(languageOf('x.mjs')).toBe('javascript');
    expect(languageOf('x.TS')).toBe('typescript');
    expect(() => languageOf('strategy.txt')).toThrow(/use a .py, .js or .ts file/);
    expect(() => languageOf('strategy')).toThrow(StratexError);
  });
});
