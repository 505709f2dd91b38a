/**
 * Backfill and the scheduled job on the embedded store: resume after a crash, two runs at once, and
 * nothing fetched twice once known. A counting fake exchange stands in for ccxt.
 */
import { createDynamoCandleStore, ensureTable } from '@stratex/aws';
import type { CandleStore } from '@stratex/core';
import { advanceTrackedSeries, backfillSeries, parseTimeframe } from '@stratex/market-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeExchange, HOUR } from '../../../market-data/src/test-support/fake-exchange.js';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../store/embedded-dynamo.js';

const T0 = Date.UTC(2022, 0, 1);
const NOW = T0 + 5000 * HOUR + 1234;
const clock = { now: () => NOW };
let tables = 0;

describe('backfill on the embedded store', () => {
  let server: EmbeddedDynamo;
  beforeAll(async () => {
    server = await startEmbeddedDynamo();
  });
  afterAll(() => server?.close());

  async function freshStore(): Promise<CandleStore> {
    const tableName = `backfill-${++tables}`;
    await ensureTable(server.client, tableName);
    return createDynamoCandleStore({ client: server.client, tableName, timeframeMs: parseTimeframe });
  }
  const series = { provider: 'kraken', symbol: 'BTC/USD', timeframe: '1h' };
  const allTimes = (store: CandleStore) =>
    store.getRange(series, 0, Number.MAX_SAFE_INTEGER).then((bars) => Array.from(bars.timestamp));
  const expected = Array.from({ length: 5000 }, (_, i) => T0 + i * HOUR);

  it('fetches up to the last closed bar in steps, reports progress, and has nothing to do a second time', async () => {
    const store = await freshStore();
    const exchange = fakeExchange(T0);
    const progress: number[] = [];
    const options = {
      store,
      source: exchange.provider,
      clock,
      onProgress: (p: { done: number }) => progress.push(p.done),
    };
    const report = await backfillSeries(options, series, T0);
    expect(report).toMatchObject({ missingSlots: 5000, added: 5000, to: T0 + 5000 * HOUR });
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(await allTimes(store)).toEqual(expected);
    const again = await backfillSeries(options, series, T0);
    expect(again).toMatchObject({ missingSlots: 0, added: 0 });
    expect(exchange.asked).toHaveLength(5);
  });

  it('resumes after a run dies midway: finished steps stay, the next run fetches only the rest', async () => {
    const store = await freshStore();
    const dying = fakeExchange(T0, new Set(), 3);
    await expect(backfillSeries({ store, source: dying.provider, clock }, series, T0)).rejects.toThrow('went away');
    expect((await allTimes(store)).length).toBe(2000);
    const healthy = fakeExchange(T0);
    const report = await backfillSeries({ store, source: healthy.provider, clock }, series, T0);
    expect(healthy.asked[0]).toEqual([T0 + 2000 * HOUR, T0 + 3000 * HOUR]);
    expect(report.added).toBe(3000);
    expect(await allTimes(store)).toEqual(expected);
  });

  it('advances every tracked series; two scheduled runs at once neither duplicate nor lose a bar', async () => {
    const store = await freshStore();
    const seed = fakeExchange(T0);
    await backfillSeries({ store, source: seed.provider, clock: { now: () => T0 + 10 * HOUR } }, series, T0);
    const other = { ...series, symbol: 'ETH/USD' };
    await backfillSeries({ store, source: seed.provider, clock: { now: () => T0 + 3 * HOUR } }, other, T0);
    const [a, b] = await Promise.all([
      advanceTrackedSeries({ store, source: fakeExchange(T0).provider, clock, stepBars: 700 }),
      advanceTrackedSeries({ store, source: fakeExchange(T0).provider, clock, stepBars: 300 }),
    ]);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    expect(await allTimes(store)).toEqual(expected);
    const eth = await store.getRange(other, 0, Number.MAX_SAFE_INTEGER);
    expect(Array.from(eth.timestamp)).toEqual(expected);
    const coverage = await store.coverage(series);
    expect(coverage).toMatchObject({ bars: 5000, ranges: [[T0, T0 + 5000 * HOUR]] });
  });
});
