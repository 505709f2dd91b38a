import type { CandleStore } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { createMemoryCandleStore } from '../test-support/memory-candle-store.js';
import { cacheCandleStore } from './cached-candle-store.js';

const HOUR = 3_600_000;
const series = { provider: 'kraken', symbol: 'BTC/USD', timeframe: '1h' };
const bars = (n: number, close = 1) => {
  const col = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  return {
    timestamp: col((i) => i * HOUR),
    open: col(() => 1),
    high: col(() => 2),
    low: col(() => 0),
    close: col(() => close),
    volume: col(() => 1),
  };
};

function counting(store: CandleStore) {
  let reads = 0;
  return {
    store: {
      ...store,
      getRange: (...a: Parameters<CandleStore['getRange']>) => {
        reads += 1;
        return store.getRange(...a);
      },
    },
    reads: () => reads,
  };
}

describe('cacheCandleStore', () => {
  it('answers a repeated window from memory and reads again after a write to the series', async () => {
    const inner = counting(createMemoryCandleStore());
    const cached = cacheCandleStore(inner.store, 1 << 20);
    await cached.putBars(series, bars(100));
    await cached.getRange(series, 0, 100 * HOUR);
    await cached.getRange(series, 0, 100 * HOUR);
    expect(inner.reads()).toBe(1);
    await cached.putBars(series, bars(100, 5));
    const fresh = await cached.getRange(series, 0, 100 * HOUR);
    expect(inner.reads()).toBe(2);
    expect(fresh.close[0]).toBe(5);
  });

  it('never holds more bytes than its bound, evicting the least recently used window', async () => {
    const inner = counting(createMemoryCandleStore());
    const cached = cacheCandleStore(inner.store, 48 * 250);
    await cached.putBars(series, bars(1000));
    await cached.getRange(series, 0, 100 * HOUR); // A: 100 bars
    await cached.getRange(series, 0, 100 * HOUR + 1); // B: 100 bars
    await cached.getRange(series, 0, 100 * HOUR); // A again: most recent now
    await cached.getRange(series, 0, 100 * HOUR + 2); // C: evicts B
    expect(cached.cachedBytes()).toBeLessThanOrEqual(48 * 250);
    const before = inner.reads();
    await cached.getRange(series, 0, 100 * HOUR);
    expect(inner.reads()).toBe(before);
    await cached.getRange(series, 0, 100 * HOUR + 1);
    expect(inner.reads()).toBe(before + 1);
    await cached.getRange(series, 0, 1000 * HOUR); // larger than the bound: read through, not kept
    expect(cached.cachedBytes()).toBeLessThanOrEqual(48 * 250);
  });
});
