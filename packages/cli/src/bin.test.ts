/**
 * The installed command as a user runs it: `node bin/stratex.js` (what `npx stratex` starts) and
 * `npm start`, in their own processes. They run the compiled packages (dist), as `npm install` leaves them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithSharedData, repoRoot, sharedPath } from '../../../testing/shared-data.js';
import { STACK_FRAME } from './test-support/run-cli.js';

const bin = join(repoRoot, 'packages/cli/bin/stratex.js');

function run(args: string[]) {
  const child = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'packages/cli/dist/index.js'))) {
    throw new Error('packages/cli/dist is missing: run `npm run build` (npm install does it) first');
  }
});

describe('bin/stratex.js', () => {
  it('exits 2 on an unknown flag with one clear line on stderr and no stack trace', () => {
    const result = run([bin, 'backtest', 'examples/sma_cross.js', '--provider', 'synthetic', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error INVALID_REQUEST: unknown option --frobnicate; see stratex backtest --help\n');
    expect(result.stdout).toBe('');
  });

  it('runs a backtest, prints only the result JSON with --json, and exits (the runtime child ends)', () => {
    const result = run([
      bin,
      'backtest',
      'examples/trailing_trend.js',
      '--provider',
      'synthetic',
      '--symbol',
      'ETH/USD',
      '--timeframe',
      '1d',
      '--from',
      '2020-01-01',
      '--to',
      '2023-01-01',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).status).toBe('succeeded');
    expect(result.stderr).toBe('');
  });

  it('exits 1 with the failed result as JSON when the strategy fails', () => {
    const result = run([
      bin,
      'backtest',
      'examples/sma_cross.js',
      '--provider',
      'synthetic',
      '--symbol',
      'X',
      '--timeframe',
      '1h',
      '--from',
      '2022-01-01',
      '--to',
      '2022-02-01',
      '--param',
      'fast=0',
      '--json',
    ]);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout);
    expect(body.status).toBe('failed');
    expect(body.error.code).not.toBe('INTERNAL');
    expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
  });
});

describeWithSharedData('the example command of the issue', () => {
  it('prints a complete result from the CSV file', () => {
    const result = run([
      bin,
      'backtest',
      'examples/sma_cross.js',
      '--provider',
      'csv',
      '--data',
      sharedPath('kraken_BTCUSD_1h_2022.csv'),
      '--symbol',
      'BTC/USD',
      '--timeframe',
      '1h',
      '--from',
      '2022-01-01',
      '--to',
      '2023-01-01',
      '--param',
      'fast=10',
      '--param',
      'slow=30',
      '--fee',
      '0.001',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body.diagnostics).toMatchObject({ bars: 8760, lookAhead: 'none-detected', runtime: 'node' });
    expect(body.trades.length).toBe(body.metrics.trades);
  });
});

describe('npm start', () => {
  it('runs an example on synthetic data and prints its summary', () => {
    const result = run([join(repoRoot, 'scripts/start.mjs')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\$ stratex backtest examples\/sma_cross.js --provider synthetic/m);
    expect(result.stdout).toMatch(/Return \[%\]/);
    expect(result.stdout).toMatch(/look-ahead {2}none detected/);
    expect(result.stderr).toBe('');
  });
});
