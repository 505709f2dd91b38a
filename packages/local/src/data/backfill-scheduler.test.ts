import { describe, expect, it } from 'vitest';
import { fakeExchange, HOUR } from '../../../market-data/src/test-support/fake-exchange.js';
import { createMemoryCandleStore } from '../../../market-data/src/test-support/memory-candle-store.js';
import { startBackfillScheduler } from './backfill-scheduler.js';

const T0 = Date.UTC(2022, 0, 1);
const series = { provider: 'kraken', symbol: 'BTC/USD', timeframe: '1h' };

describe('startBackfillScheduler', () => {
  it('advances tracked series on its timer as time passes, one run at a time', async () => {
    const store = createMemoryCandleStore();
    let now = T0 + 10 * HOUR;
    const exchange = fakeExchange(T0);
    const bar = (await exchange.provider.candles({ ...series, from: T0, to: T0 + HOUR, warmupBars: 0 })).data;
    await store.putBars(series, bar);
    const reports: number[] = [];
    const scheduler = startBackfillScheduler({
      store,
      source: exchange.provider,
      clock: { now: () => now },
      intervalMs: 20,
      onReport: (r) => reports.push(r.series[0]?.added ?? 0),
    });
    const [a, b] = await Promise.all([scheduler.runNow(), scheduler.runNow()]);
    expect(a).toBe(b);
    expect(a.series[0].added).toBe(9);
    now = T0 + 20 * HOUR;
    await new Promise((resolve) => setTimeout(resolve, 120));
    await scheduler.stop();
    expect(reports.reduce((sum, n) => sum + n, 0)).toBe(10);
    expect((await store.coverage(series))?.bars).toBe(20);
  });
});
