import { describe, expect, it } from 'vitest';
import { createMarketData } from './market-data.js';
import { caught } from './test-support/errors.js';

const clock = { now: () => Date.UTC(2030, 0, 1) };
const query = {
  symbol: 'BTC/USD',
  timeframe: '1h',
  from: Date.UTC(2022, 0, 1),
  to: Date.UTC(2022, 0, 2),
  warmupBars: 0,
};

describe('market data', () => {
  it('answers DATA_UNAVAILABLE "not built yet" for the exchanges, pointing at csv and synthetic', async () => {
    for (const provider of ['kraken', 'binance', 'binanceus', 'alpaca']) {
      const err = await caught(() => createMarketData({ clock }).candles({ ...query, provider }));
      expect(err.code).toBe('DATA_UNAVAILABLE');
      expect(err.message).toBe(
        `provider ${provider}: not built yet — use --provider csv --data file.csv or --provider synthetic`,
      );
    }
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
