import { afterEach, describe, expect, it } from 'vitest';
import { caught } from '../../../testing/stratex-error.js';
import { createMarketData } from './market-data.js';
import { type FakeExchange, startFakeExchange } from './test-support/fake-exchanges.js';

const clock = { now: () => Date.UTC(2030, 0, 1) };
const query = {
  symbol: 'BTC/USD',
  timeframe: '1h',
  from: Date.UTC(2022, 0, 1),
  to: Date.UTC(2022, 0, 2),
  warmupBars: 0,
};

let fake: FakeExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('market data', () => {
  it('sends exchange queries to the exchange provider, with the URLs and settings given for it', async () => {
    const time = Float64Array.from({ length: 48 }, (_, i) => query.from + i * 3_600_000);
    const bars = { time, open: time.map((_, i) => 100 + i), high: time.map((_, i) => 101 + i) };
    const served = { ...bars, low: bars.open, close: bars.open, volume: bars.open.map(() => 1) };
    fake = await startFakeExchange({ kind: 'binance', bars: served, now: clock.now() });
    const marketData = createMarketData({
      clock,
      exchanges: { urls: { binance: fake.urls }, rateLimitMs: 1, retry: { retries: 0 } },
    });
    const set = await marketData.candles({ ...query, provider: 'binance', symbol: 'BTC/USDT' });
    expect(Array.from(set.data.open)).toEqual(Array.from(served.open.subarray(0, 24)));
  });

  it('answers a Kraken range older than its 720 bars at once, without a request', async () => {
    const err = await caught(() => createMarketData({ clock }).candles({ ...query, provider: 'kraken' }));
    expect(err.code).toBe('DATA_UNAVAILABLE');
    expect(err.message).toMatch(/serves only the latest 720 1h bars.*stratex data import/);
  });

  it('rejects an unknown provider and csv without a file', async () => {
    expect((await caught(() => createMarketData({ clock }).candles({ ...query, provider: 'nyse' }))).code).toBe(
      'INVALID_REQUEST',
    );
    const noFile = await caught(() => createMarketData({ clock }).candles({ ...query, provider: 'csv' }));
    expect(noFile.code).toBe('INVALID_REQUEST');
    expect(noFile.message).toMatch(/--data/);
  });

  it('serves synthetic candles', async () => {
    const set = await createMarketData({ clock }).candles({ ...query, provider: 'synthetic' });
    expect(set.data.close.length).toBe(24);
  });
});
