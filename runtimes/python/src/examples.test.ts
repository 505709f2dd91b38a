import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StrategyJob, type StrategyLanguage, simulate } from '@stratex/core';
import { createNodeRuntime } from '@stratex/runtime-node';
import { afterAll, expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { repoRoot } from '../../../testing/shared-data.js';
import { btc2022, runtime } from './test-support/runtime.js';

/** Each Python example beside the JavaScript/TypeScript one it mirrors. */
const PAIRS = [
  ['sma_cross.py', 'sma_cross.js'],
  ['rsi_reversion.py', 'rsi_reversion.ts'],
  ['bollinger_breakout.py', 'bollinger_breakout.js'],
  ['trailing_trend.py', 'trailing_trend.js'],
] as const;

const languageOf = (file: string): StrategyLanguage =>
  file.endsWith('.py') ? 'python' : file.endsWith('.ts') ? 'typescript' : 'javascript';

function job(file: string): StrategyJob {
  return {
    code: readFileSync(join(repoRoot, 'examples', file), 'utf8'),
    language: languageOf(file),
    data: btc2022(),
    params: {},
    limits: { timeoutMs: 60_000, memoryMb: 256 },
  };
}

describeWithPython('the Python examples', ['numpy'], () => {
  const node = createNodeRuntime();
  afterAll(() => node.close());

  it.each(PAIRS)('%s trades exactly like %s on a year of hourly BTC', async (python, js) => {
    const [py, other] = await Promise.all([runtime().run(job(python)), node.run(job(js))]);
    expect(py.style).toBe(other.style);
    const d = btc2022();
    const bars = { time: d.timestamp, open: d.open, high: d.high, low: d.low, close: d.close };
    const options = { fee: 0.001, slippage: 0.0005 };
    const a = simulate(bars, py.output, options);
    const b = simulate(bars, other.output, options);
    expect(a.trades.length).toBeGreaterThan(3);
    expect(a.trades).toEqual(b.trades);
    expect(a.signals).toEqual(b.signals);
    expect(a.metrics).toEqual(b.metrics);
  });
});
