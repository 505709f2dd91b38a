/**
 * Python strategies through `stratex backtest`, end to end through the real Python runtime (a zygote
 * forking one child per job): the same trades and metrics as the JavaScript twin, the look-ahead
 * check, and static validation turning hostile code away with its line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SucceededExecution } from '@stratex/core';
import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { describeWithSharedData, readSharedCsv, repoRoot, sharedPath } from '../../../testing/shared-data.js';
import { firstPeekingBar } from './test-support/look-ahead.js';
import { runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'stratex-cli-py-'));
const example = (name: string) => join(repoRoot, 'examples', name);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const flags = (data: string) => [
  ...['--provider', 'csv', '--data', data, '--symbol', 'BTC/USD', '--timeframe', '1h'],
  ...['--from', '2022-01-01', '--to', '2023-01-01', '--param', 'fast=10', '--param', 'slow=30', '--fee', '0.001'],
];

async function resultOf(argv: string[]): Promise<SucceededExecution> {
  const run = await runCli([...argv, '--json']);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout) as SucceededExecution;
}

describeWithPython('stratex backtest with Python strategies', ['numpy', 'pandas'], () => {
  describeWithSharedData('on the Kraken BTC/USD 2022 file', () => {
    const data = sharedPath('kraken_BTCUSD_1h_2022.csv');

    it('gives examples/sma_cross.py exactly the trades and metrics of examples/sma_cross.js', async () => {
      const py = await resultOf(['backtest', example('sma_cross.py'), ...flags(data)]);
      const js = await resultOf(['backtest', example('sma_cross.js'), ...flags(data)]);
      expect(py.trades.length).toBeGreaterThan(100);
      expect(py.trades).toEqual(js.trades);
      expect(py.signals).toEqual(js.signals);
      expect(py.metrics).toEqual(js.metrics);
      expect(py.diagnostics.runtime).toBe('python');
      expect(py.diagnostics.lookAhead).toBe('none-detected');
      expect(py.request.parameters).toEqual({ fast: 10, slow: 30 });
    });

    it('flags a Python strategy that peeks at the next bar, at the first counted bar that changes', async () => {
      const peek = file(
        'peek.py',
        [
          'import numpy as np',
          'def strategy(data, params):',
          '    nxt = np.append(data.close[1:], np.nan)',
          '    return {"entries": nxt > data.close, "exits": nxt < data.close}',
          '',
        ].join('\n'),
      );
      const year = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
      const result = await resultOf(['backtest', peek, ...flags(data).slice(0, -6)]);
      expect(result.diagnostics.lookAhead).toBe('detected');
      expect(result.diagnostics.lookAheadBar).toBe(firstPeekingBar(year.close));
      const summary = await runCli(['backtest', peek, ...flags(data).slice(0, -6)]);
      expect(summary.stdout).toMatch(/look-ahead\s+DETECTED/i);
    });
  });

  it('rejects a banned import with CODE_REJECTED, its line, and exit 2', async () => {
    const hostile = file('hostile.py', 'import numpy as np\n\nimport os\ndef strategy(data, params):\n    return {}\n');
    const run = await runCli([
      'backtest',
      hostile,
      ...['--provider', 'synthetic', '--symbol', 'BTC/USD', '--timeframe', '1h'],
      ...['--from', '2022-01-01', '--to', '2022-02-01', '--json'],
    ]);
    expect(run.code).toBe(2);
    const body = JSON.parse(run.stdout) as { error: { code: string; details?: { line?: number } } };
    expect(body.error.code).toBe('CODE_REJECTED');
    expect(body.error.details?.line).toBe(3);
  });
});
