/**
 * A byte-bounded in-memory LRU in front of a CandleStore: repeated reads of a window (look-ahead
 * re-runs, a UI paging over one series) skip the store. Any write to a series drops its entries.
 */
import type { CandleStore, SeriesKey, StrategyData } from '@stratex/core';

/** 64 MB: about 1.4 million bars (48 bytes each). */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

const seriesId = (s: SeriesKey) => `${s.provider}\u0000${s.symbol}\u0000${s.timeframe}`;
const bytesOf = (bars: StrategyData) => bars.timestamp.length * 48;

export interface CachedCandleStore extends CandleStore {
  /** Bytes the cache holds now. */
  cachedBytes(): number;
}

/** Wraps `store`; windows larger than `maxBytes` are read through without being kept. */
export function cacheCandleStore(store: CandleStore, maxBytes = DEFAULT_CACHE_BYTES): CachedCandleStore {
  const entries = new Map<string, StrategyData>();
  let bytes = 0;
  const drop = (key: string) => {
    const bars = entries.get(key);
    if (bars === undefined) return;
    entries.delete(key);
    bytes -= bytesOf(bars);
  };
  const keep = (key: string, bars: StrategyData) => {
    const size = bytesOf(bars);
    if (size > maxBytes) return;
    drop(key);
    entries.set(key, bars);
    bytes += size;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
  };
  return {
    async putBars(series, bars, covered) {
      const prefix = `${seriesId(series)}\u0000`;
      try {
        return await store.putBars(series, bars, covered);
      } finally {
        for (const key of [...entries.keys()]) if (key.startsWith(prefix)) drop(key);
      }
    },
    async getRange(series, from, to) {
      const key = `${seriesId(series)}\u0000${from}\u0000${to}`;
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const bars = await store.getRange(series, from, to);
      keep(key, bars);
      return bars;
    },
    coverage: (series) => store.coverage(series),
    listSeries: () => store.listSeries(),
    cachedBytes: () => bytes,
  };
}
