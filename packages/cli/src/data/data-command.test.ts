/**
 * `stratex data` end to end on a temporary STRATEX_HOME: the real Kraken file imported into the
 * embedded store, its known gaps (../shared/data/MANIFEST.md), and a backtest read from the store
 * that trades exactly as the same file read by the csv provider.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SucceededExecution } from '@stratex/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, repoRoot, sharedPath } from '../../../../testing/shared-data.js';
import { runCli } from '../test-support/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'stratex-data-'));
const KRAKEN = ['--provider', 'kraken', '--symbol', 'BTC/USD', '--timeframe', '1h'];
const YEAR_2022 = ['--from', '2022-01-01', '--to', '2023-01-01'];

describeWithSharedData('stratex data on the Kraken BTC/USD 1h file', () => {
  const previousHome = process.env.STRATEX_HOME;
  beforeAll(() => {
    process.env.STRATEX_HOME = home;
  });
  afterAll(() => {
    if (previousHome === undefined) delete process.env.STRATEX_HOME;
    else process.env.STRATEX_HOME = previousHome;
    rmSync(home, { recursive: true, force: true });
  });

  it('imports every row, reports the known gaps and clean quality, and a second import changes nothing', async () => {
    const file = sharedPath('kraken_BTCUSD_1h.csv');
    const first = await runCli(['data', 'import', file, ...KRAKEN, '--json']);
    expect(first.stderr).toBe('');
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ bars: 70253, added: 70253, gaps: 3254, missingBars: 10856 });
    expect(report.first).toBe(Date.parse('2013-10-06T21:00:00Z'));
    expect(report.last).toBe(Date.parse('2023-01-07T09:00:00Z'));
    expect(report.quality).toMatchObject({ duplicates: 0, negative: 0, outOfOrder: 0, zeroVolume: 0 });
    const again = JSON.parse((await runCli(['data', 'import', file, ...KRAKEN, '--json'])).stdout);
    expect(again).toMatchObject({ bars: 70253, added: 0, replaced: 0, unchanged: 70253 });
  });

  it('lists the gaps of the stored series, the longest 56 bars from 2014-09-25T19:00Z', async () => {
    const run = await runCli(['data', 'gaps', ...KRAKEN, '--json']);
    const gaps = JSON.parse(run.stdout);
    expect(gaps).toMatchObject({ gaps: 3254, missingBars: 10856 });
    const longest = gaps.list.reduce((a: { missingBars: number }, b: { missingBars: number }) =>
      b.missingBars > a.missingBars ? b : a,
    );
    expect(longest).toEqual({
      from: Date.parse('2014-09-25T19:00:00Z'),
      to: Date.parse('2014-09-28T03:00:00Z'),
      missingBars: 56,
    });
    const text = await runCli(['data', 'gaps', ...KRAKEN]);
    expect(text.stdout).toContain('3254 gaps, 10856 missing bars');
  });

  it('shows the series with its bars, span and gap count', async () => {
    const shown = JSON.parse((await runCli(['data', 'show', '--json'])).stdout);
    expect(shown.series).toEqual([
      expect.objectContaining({ provider: 'kraken', symbol: 'BTC/USD', timeframe: '1h', bars: 70253, gaps: 3254 }),
    ]);
  });

  it('backtests from the store with the same trades as the csv provider on the same file', async () => {
    const strategy = join(repoRoot, 'examples', 'sma_cross.js');
    const stored = await runCli(['backtest', strategy, ...KRAKEN, ...YEAR_2022, '--json']);
    expect(stored.stderr).toBe('');
    const csvArgs = ['--provider', 'csv', '--symbol', 'BTC/USD', '--timeframe', '1h', ...YEAR_2022];
    const csv = await runCli([
      'backtest',
      strategy,
      ...csvArgs,
      '--data',
      sharedPath('kraken_BTCUSD_1h.csv'),
      '--json',
    ]);
    const fromStore = JSON.parse(stored.stdout) as SucceededExecution;
    const fromCsv = JSON.parse(csv.stdout) as SucceededExecution;
    expect(fromStore.status).toBe('succeeded');
    expect(fromStore.trades.length).toBeGreaterThan(0);
    expect(fromStore.trades).toEqual(fromCsv.trades);
    expect(fromStore.metrics).toEqual(fromCsv.metrics);
  });

  it('backfill has nothing to fetch where the import already covers the range, and needs --from', async () => {
    const run = await runCli(['data', 'backfill', ...KRAKEN, ...YEAR_2022, '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ missingSlots: 0, added: 0, to: Date.parse('2023-01-01') });
    const text = await runCli(['data', 'backfill', ...KRAKEN, ...YEAR_2022]);
    expect(text.stdout).toContain('(already complete)');
    const missing = await runCli(['data', 'backfill', ...KRAKEN, '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error.message).toContain('--from');
  });

  it('refuses to import for a provider that is not an exchange', async () => {
    const run = await runCli([
      'data',
      'import',
      sharedPath('kraken_BTCUSD_1h_2022.csv'),
      '--provider',
      'csv',
      '--symbol',
      'X',
      '--timeframe',
      '1h',
      '--json',
    ]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toContain('--provider csv --data');
  });

  it('says how to get data for a series the store does not have', async () => {
    const strategy = join(repoRoot, 'examples', 'sma_cross.js');
    const run = await runCli([
      'backtest',
      strategy,
      '--provider',
      'kraken',
      '--symbol',
      'ETH/USD',
      '--timeframe',
      '1h',
      ...YEAR_2022,
      '--json',
    ]);
    const body = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(body.error.code).toBe('DATA_UNAVAILABLE');
    expect(body.error.message).toContain('stratex data import');
  });
});
