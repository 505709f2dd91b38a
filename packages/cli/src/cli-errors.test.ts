/**
 * The command line's answers to bad input: exit 2 for INVALID_REQUEST, 1 for other failures, a clear
 * message naming what to fix (the flag, the CSV line), and never a stack trace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_FRAME } from './test-support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'stratex-cli-'));
const H = 3_600_000;
const T0 = Date.UTC(2022, 0, 1);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const strategy = file('s.js', 'export function strategy(data) { return { entries: new Uint8Array(data.length) }; }\n');

/** 48 hourly bars from 2022-01-01, optionally edited. */
function csv(
  edit: (rows: string[]) => string[] = (rows) => rows,
  header = 'timestamp,open,high,low,close,volume',
): string {
  const rows = Array.from({ length: 48 }, (_, i) => `${T0 + i * H},${100 + i},${101 + i},${99 + i},${100.5 + i},10`);
  return `${header}\n${edit(rows).join('\n')}\n`;
}

const backtest = (data: string, ...extra: string[]) => [
  'backtest',
  strategy,
  '--provider',
  'csv',
  '--data',
  data,
  '--symbol',
  'BTC/USD',
  '--timeframe',
  '1h',
  '--from',
  '2022-01-01',
  '--to',
  '2022-01-03',
  ...extra,
];

function expectClean(run: { stdout: string; stderr: string }): void {
  expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stdout + run.stderr).not.toMatch(/node_modules|packages\/|\.ts:\d/);
}

describe('stratex backtest, bad input', () => {
  it('exits 2 on an unknown flag, naming it, without a stack trace', async () => {
    const run = await runCli([...backtest('x.csv'), '--fees', '0.001']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error INVALID_REQUEST: unknown option --fees; see stratex backtest --help\n');
    expect(run.stdout).toBe('');
  });

  it('prints the JSON error body on stdout with --json', async () => {
    const run = await runCli([...backtest('x.csv'), '--json', '--bogus']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'INVALID_REQUEST',
        message: 'unknown option --bogus; see stratex backtest --help',
        details: { flag: '--bogus' },
      },
    });
    expect(run.stderr).toBe('');
  });

  it('exits 2 for a CSV without the volume column, naming line 1 and the column', async () => {
    const data = file(
      'no-volume.csv',
      csv((rows) => rows.map((r) => r.slice(0, r.lastIndexOf(','))), 'timestamp,open,high,low,close'),
    );
    const run = await runCli(backtest(data));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error INVALID_REQUEST: CSV line 1: missing column "volume"/);
    expectClean(run);
  });

  it('exits 2 for a non-number, naming its line and column', async () => {
    const data = file(
      'nan.csv',
      csv((rows) => rows.map((r, i) => (i === 9 ? r.replace(/,10$/, ',ten') : r))),
    );
    const run = await runCli(backtest(data));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error INVALID_REQUEST: CSV line 11: volume "ten" is not a number/);
    expectClean(run);
  });

  it('exits 2 for two different bars at one time, naming both lines', async () => {
    const data = file(
      'conflict.csv',
      csv((rows) => [...rows, rows[5].replace(/,10$/, ',11')]),
    );
    const run = await runCli([...backtest(data), '--json']);
    expect(run.code).toBe(2);
    const body = JSON.parse(run.stdout);
    expect(body.status).toBe('failed');
    expect(body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { line: 50, otherLine: 7 } });
    expect(body.error.message).toMatch(
      /^CSV line 50: a different bar at 2022-01-01T05:00:00.000Z is already on line 7/,
    );
  });

  it('exits 2 when the timeframe is not the median spacing of the bars', async () => {
    const data = file('spacing.csv', csv());
    const run = await runCli([...backtest(data), '--timeframe', '15m']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error INVALID_REQUEST: CSV line 3: the bars are 1h apart \(the median spacing\), not 15m/,
    );
  });

  it('exits 2 for a missing CSV or strategy file, naming the file as given', async () => {
    const noData = await runCli(backtest('does-not-exist.csv'));
    expect(noData.code).toBe(2);
    expect(noData.stderr).toBe('error INVALID_REQUEST: CSV file does-not-exist.csv: no such file\n');
    const noFile = await runCli(['backtest', 'nope.js', ...backtest('x.csv').slice(2)]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toBe('error INVALID_REQUEST: strategy file nope.js: no such file\n');
  });

  it('exits 1 with DATA_UNAVAILABLE for Kraken history older than its 720 bars, pointing at data import', async () => {
    const run = await runCli(['backtest', strategy, ...backtest('x.csv').slice(2), '--provider', 'kraken']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error DATA_UNAVAILABLE: .*Kraken's OHLC endpoint serves only the latest 720 1h bars/);
    expect(run.stderr).toMatch(/stratex data import <file.csv> --provider kraken --symbol BTC\/USD --timeframe 1h/);
  });

  it('exits 2 for --report, which is planned', async () => {
    const run = await runCli([...backtest('x.csv'), '--report', 'out.html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--report is planned but not built yet/);
  });

  it('exits 2 for a range whose end is before its start, and for an impossible date', async () => {
    const data = file('ok2.csv', csv());
    const backwards = await runCli([...backtest(data), '--from', '2022-01-03', '--to', '2022-01-01']);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toBe('error INVALID_REQUEST: endDate must be after startDate\n');
    const impossible = await runCli([...backtest(data), '--from', '2022-02-30']);
    expect(impossible.stderr).toMatch(/^error INVALID_REQUEST: startDate "2022-02-30" is not a date/);
  });
});

describe('stratex', () => {
  it('prints help with --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/stratex backtest <file>/);
    const sub = await runCli(['backtest', '--help']);
    expect(sub.stdout).toMatch(/--export-trades F/);
  });

  it('exits 2 for unknown and planned commands', async () => {
    expect(await runCli(['launch'])).toMatchObject({
      code: 2,
      stderr: 'error INVALID_REQUEST: unknown command "launch"; see stratex --help\n',
    });
    expect(await runCli(['paper'])).toMatchObject({
      code: 2,
      stderr: 'error INVALID_REQUEST: stratex paper is planned but not built yet\n',
    });
  });
});
