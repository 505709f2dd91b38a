import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalCandleStore } from './local-candle-store.js';

const home = mkdtempSync(join(tmpdir(), 'stratex-shared-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const series = { provider: 'kraken', symbol: 'BTC/USD', timeframe: '1h' };
const oneBar = (t: number) => {
  const c = (v: number) => Float64Array.of(v);
  return { timestamp: c(t), open: c(1), high: c(2), low: c(0.5), close: c(1.5), volume: c(3) };
};

describe('one embedded server per STRATEX_HOME', () => {
  it('lets a second opener use the running server instead of opening its database again', async () => {
    const first = await openLocalCandleStore(home);
    const second = await openLocalCandleStore(home);
    try {
      await first.store.putBars(series, oneBar(0));
      await second.store.putBars(series, oneBar(3_600_000));
      expect((await first.store.getRange(series, 0, 1e13)).timestamp.length).toBe(2);
    } finally {
      await second.close();
      await first.close();
    }
    expect(existsSync(join(home, 'store.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    writeFileSync(join(home, 'store.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, endpoint: 'http://127.0.0.1:1' }));
    const local = await openLocalCandleStore(home);
    try {
      expect((await local.store.getRange(series, 0, 1e13)).timestamp.length).toBe(2);
    } finally {
      await local.close();
    }
  });
});
