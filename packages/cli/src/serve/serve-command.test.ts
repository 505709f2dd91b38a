/** `stratex serve` as a user starts it: flags, the banner, a first request, a graceful stop. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleBacktestRequest } from '../../../../testing/example-request.js';
import { describeWithSharedData, repoRoot, sharedPath } from '../../../../testing/shared-data.js';
import type { CliIo } from '../io.js';
import { runCli } from '../test-support/run-cli.js';
import { serveCommand } from './serve-command.js';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'stratex-cli-serve-'));
  homes.push(home);
  return home;
}

/** Starts the command in-process; `stop()` plays the part of Ctrl-C. */
function startServe(argv: string[], env: NodeJS.ProcessEnv) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  };
  let stop: () => void = () => undefined;
  const until = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const exit = serveCommand(argv, io, { until, env });
  const started = async () => {
    while (!out.stdout.includes('\n')) {
      const code = await Promise.race([exit, new Promise((resolve) => setTimeout(() => resolve(undefined), 20))]);
      if (code !== undefined) throw new Error(`serve exited ${code}: ${out.stdout}${out.stderr}`);
    }
    return out;
  };
  return {
    out,
    started,
    stop: () => {
      stop();
      return exit;
    },
  };
}

describe('stratex serve flags', () => {
  it('prints its help', async () => {
    const run = await runCli(['serve', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/usage: stratex serve/);
  });

  it.each([
    [['--frobnicate'], /unknown option --frobnicate; see stratex serve --help/],
    [['--port'], /option --port needs a value/],
    [['now'], /stratex serve does not take "now"/],
    [['--port', 'http'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
  ])('exits 2 on %j', async (flags, message) => {
    const run = await runCli(['serve', ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses --host 0.0.0.0 under the process profile, as JSON with --json', async () => {
    const home = tempHome();
    const server = startServe(['--host', '0.0.0.0', '--port', '0', '--json'], {
      STRATEX_HOME: home,
      STRATEX_ISOLATION: 'process',
    });
    expect(await server.stop()).toBe(2);
    const { error } = JSON.parse(server.out.stdout);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'host' } });
    expect(error.message).toMatch(/not a security boundary/);
  });
});

describe('stratex serve', () => {
  it('prints the URL, the isolation profile, the new key once and a curl line that works; stops on request', async () => {
    const home = tempHome();
    const server = startServe(['--port', '0'], { STRATEX_HOME: home, STRATEX_ISOLATION: 'process' });
    const { stdout } = await server.started();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stdout).toMatch(/^stratex serve: the HTTP API on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(stdout).toMatch(/^isolation: process — NOT a security boundary/m);
    const key = /save it: it is not shown again\): (sx_\S+)/.exec(stdout)?.[1];
    expect(key).toBeDefined();
    const curl = /^ {2}(curl .+)$/m.exec(stdout)?.[1];
    expect(curl).toContain(key);
    // The server runs in this process: the curl child must not block its event loop.
    const answer = JSON.parse((await promisify(execFile)('sh', ['-c', curl!], { encoding: 'utf8' })).stdout);
    expect(answer).toMatchObject({ status: 'succeeded', request: { providerId: 'synthetic' } });
    expect(answer.trades.length).toBeGreaterThan(0);
    expect(await server.stop()).toBe(0);
    expect(server.out.stderr).toMatch(/stopping/);

    const again = startServe(['--port', '0'], { STRATEX_HOME: home, STRATEX_ISOLATION: 'process' });
    const second = await again.started();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.stdout).not.toContain(key);
    expect(second.stdout).toMatch(/the one shown at the first start/);
    expect(await again.stop()).toBe(0);
  });
});

describeWithSharedData('stratex serve and stratex backtest', () => {
  it('give the same trades and metrics for examples/sma_cross.js on the shared CSV', async () => {
    const csv = sharedPath('kraken_BTCUSD_1h_2022.csv');
    const key = 'cli-serve-test-key-0123456789';
    const server = startServe(['--port', '0', '--json', '--data', csv], {
      STRATEX_HOME: tempHome(),
      STRATEX_API_KEY: key,
    });
    const info = JSON.parse((await server.started()).stdout);
    expect(info).toMatchObject({ host: '127.0.0.1', apiKeySource: 'environment' });
    expect(info).not.toHaveProperty('apiKey');
    const response = await fetch(`${info.url}/v1/executions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(exampleBacktestRequest('sma_cross.js')),
    });
    expect(response.status).toBe(200);
    const served = (await response.json()) as { trades: unknown[]; metrics: unknown };
    expect(await server.stop()).toBe(0);
    const cli = await runCli([
      'backtest',
      join(repoRoot, 'examples/sma_cross.js'),
      ...['--provider', 'csv', '--data', csv, '--symbol', 'BTC/USD', '--timeframe', '1h'],
      ...['--from', '2022-01-01', '--to', '2023-01-01', '--param', 'fast=10', '--param', 'slow=30', '--fee', '0.001'],
      '--json',
    ]);
    expect(cli.code).toBe(0);
    const expected = JSON.parse(cli.stdout);
    expect(served.trades).toEqual(expected.trades);
    expect(served.metrics).toEqual(expected.metrics);
    expect(served.trades.length).toBeGreaterThan(10);
  });
});
