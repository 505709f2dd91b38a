/**
 * Fetch-through: the store answers what it knows, the provider is asked only for the rest, and what
 * it returns stays. A counting fake provider stands in for the exchange; the store is an in-memory
 * CandleStore with the port's semantics.
 */
import type { CandleQuery, CandleStore } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { fakeExchange, HOUR } from '../test-support/fake-exchange.js';
import { createMemoryCandleStore } from '../test-support/memory-candle-store.js';
import { createStoredCandles } from './stored-candles.js';

const T0 = Date.UTC(2022, 0, 1);

const query = (from: number, to: number, warmupBars = 0): CandleQuery => ({
  provider: 'kraken',
  symbol: 'BTC/USD',
  timeframe: '1h',
  from,
  to,
  warmupBars,
});

function setup(nowHours: number, holes?: Set<number>) {
  const store: CandleStore = createMemoryCandleStore();
  const exchange = fakeExchange(T0, holes);
  const candles = createStoredCandles({ store, source: exchange.provider, clock: { now: () => T0 + nowHours * HOUR } });
  return { store, exchange, candles };
}

describe('createStoredCandles', () => {
  it('fetches a window once; the same window again comes from the store', async () => {
    const { exchange, candles } = setup(1000);
    const first = await candles.candles(query(T0, T0 + 100 * HOUR));
    const second = await candles.candles(query(T0, T0 + 100 * HOUR));
    expect(exchange.asked).toEqual([[T0, T0 + 100 * HOUR]]);
    expect(Array.from(second.data.close)).toEqual(Array.from(first.data.close));
    expect(first.data.timestamp.length).toBe(100);
  });

  it('fetches only the parts of a wider window the store does not know', async () => {
    const { exchange, candles } = setup(1000);
    await candles.candles(query(T0 + 50 * HOUR, T0 + 100 * HOUR));
    const wide = await candles.candles(query(T0 + 20 * HOUR, T0 + 150 * HOUR, 10));
    expect(exchange.asked).toEqual([
      [T0 + 50 * HOUR, T0 + 100 * HOUR],
      [T0 + 10 * HOUR, T0 + 50 * HOUR],
      [T0 + 100 * HOUR, T0 + 150 * HOUR],
    ]);
    expect(wide.warmupBars).toBe(10);
    expect(Array.from(wide.data.close)).toEqual(Array.from({ length: 140 }, (_, i) => i + 10));
  });

  it('hands over closed bars only and fetches no bar that is still open', async () => {
    const { exchange, candles } = setup(30.5);
    const set = await candles.candles(query(T0, T0 + 100 * HOUR));
    expect(exchange.asked).toEqual([[T0, T0 + 30 * HOUR]]);
    expect(set.data.timestamp.length).toBe(30);
    expect(set.data.timestamp[29]).toBe(T0 + 29 * HOUR);
  });

  it('keeps the exchange gaps as gaps and does not ask for them again', async () => {
    const { exchange, candles } = setup(1000, new Set([5, 6, 7, 40]));
    const first = await candles.candles(query(T0, T0 + 50 * HOUR));
    await candles.candles(query(T0, T0 + 50 * HOUR));
    expect(exchange.asked).toHaveLength(1);
    expect(first).toMatchObject({ gaps: 2, missingBars: 4 });
    expect(first.data.timestamp.length).toBe(46);
  });

  it('serves what is stored when the provider has nothing for a range, with a warning naming it', async () => {
    const { candles } = setup(1000);
    await candles.candles(query(T0, T0 + 10 * HOUR));
    const set = await candles.candles(query(T0 - 10 * HOUR, T0 + 10 * HOUR));
    expect(set.data.timestamp.length).toBe(10);
    expect(set.warnings.join(' ')).toContain('could not be fetched');
  });
});
