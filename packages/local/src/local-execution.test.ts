import type { RuntimeInvoker } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { createLocalExecution } from './local-execution.js';

const request = {
  code: 'export function strategy() {}',
  language: 'javascript' as const,
  providerId: 'synthetic',
  symbol: 'BTC/USD',
  timeframe: '1h',
  startDate: '2022-01-01',
  endDate: '2022-01-05',
};

/** Buys on bar 10, sells on bar 20, whatever the code says. */
const scripted: RuntimeInvoker = {
  async run(job) {
    const n = job.data.close.length;
    const entries = new Uint8Array(n);
    const exits = new Uint8Array(n);
    entries[10] = 1;
    exits[20] = 1;
    return {
      output: { entries, exits },
      style: 'vectorized',
      params: {},
      logs: '',
      isolation: 'none',
      sdkVersion: 'x',
    };
  },
};

describe('local execution', () => {
  it('writes the default seed into a synthetic request, so the result can be reproduced from its JSON', async () => {
    const execution = createLocalExecution({ runtime: scripted });
    const result = await execution.run(request);
    if (result.status !== 'succeeded') throw new Error(result.error.message);
    expect(result.request).toMatchObject({ seed: 1 });
    const again = await execution.run({ ...request, seed: 1 });
    await execution.close();
    if (again.status !== 'succeeded') throw new Error(again.error.message);
    expect(again.trades).toEqual(result.trades);
    expect(result.trades.length).toBe(1);
  });
});
