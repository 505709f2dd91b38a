/**
 * The installed command as a user runs it: `node bin/stratex.js` (what `npx stratex` starts) and
 * `npm start`, in their own processes. They run the compiled packages (dist), as `npm install` leaves them.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  it('with --example runs an example on synthetic data and prints its summary', () => {
    const result = run([join(repoRoot, 'scripts/start.mjs'), '--example']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\$ stratex backtest examples\/sma_cross.js --provider synthetic/m);
    expect(result.stdout).toMatch(/Return \[%\]/);
    expect(result.stdout).toMatch(/look-ahead {2}none detected/);
    expect(result.stderr).toBe('');
  });

  it('serves the API with a key and a curl line that works, and stops cleanly on SIGTERM', async () => {
    const home = mkdtempSync(join(tmpdir(), 'stratex-npm-start-'));
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/start.mjs'), '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, STRATEX_HOME: home, STRATEX_API_KEY: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!/^ {2}curl /m.test(stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(stdout).toMatch(/^\$ stratex serve --port 0$/m);
      expect(stdout).toMatch(/API key \(save it: it is not shown again\): sx_/);
      const curl = /^ {2}(curl .+)$/m.exec(stdout)?.[1] ?? '';
      const answer = JSON.parse(execFileSync('sh', ['-c', curl], { encoding: 'utf8', timeout: 30_000 }));
      expect(answer.status).toBe('succeeded');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).not.toMatch(STACK_FRAME);
    } finally {
      child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
    }
  });
});
