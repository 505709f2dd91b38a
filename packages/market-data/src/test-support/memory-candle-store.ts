/** A CandleStore in memory with the port's semantics (merge, replace, coverage ranges), for unit tests. */
import type { CandleStore, SeriesCoverage, StrategyData } from '@stratex/core';
import { parseTimeframe } from '../timeframe.js';

type Bar = [number, number, number, number, number, number];

export function createMemoryCandleStore(): CandleStore {
  const series = new Map<string, { bars: Map<number, Bar>; ranges: Array<[number, number]>; key: SeriesCoverage }>();
  const id = (s: { provider: string; symbol: string; timeframe: string }) => `${s.provider}|${s.symbol}|${s.timeframe}`;
  const columns = (bars: Bar[]): StrategyData => {
    const col = (c: number) => Float64Array.from(bars, (b) => b[c]);
    return { timestamp: col(0), open: col(1), high: col(2), low: col(3), close: col(4), volume: col(5) };
  };
  const coverageOf = (entry: NonNullable<ReturnType<typeof series.get>>): SeriesCoverage => {
    const times = [...entry.bars.keys()].sort((a, b) => a - b);
    return {
      ...entry.key,
      bars: times.length,
      ...(times.length === 0 ? {} : { first: times[0], last: times[times.length - 1] }),
      ranges: entry.ranges,
    };
  };
  return {
    async putBars(key, bars, covered) {
      const tf = parseTimeframe(key.timeframe);
      let entry = series.get(id(key));
      if (entry === undefined) {
        entry = { bars: new Map(), ranges: [], key: { ...key, bars: 0, ranges: [], updatedAt: 0 } };
        series.set(id(key), entry);
      }
      const result = { added: 0, replaced: 0, unchanged: 0 };
      for (let i = 0; i < bars.timestamp.length; i++) {
        const bar: Bar = [bars.timestamp[i], bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]];
        const old = entry.bars.get(bar[0]);
        if (old === undefined) result.added += 1;
        else if (old.every((v, c) => v === bar[c])) result.unchanged += 1;
        else result.replaced += 1;
        entry.bars.set(bar[0], bar);
      }
      const t = bars.timestamp;
      const range = covered ?? (t.length === 0 ? undefined : [t[0], t[t.length - 1] + tf]);
      if (range !== undefined && range[1] > range[0]) {
        const merged = [...entry.ranges, [range[0], range[1]] as [number, number]].sort((a, b) => a[0] - b[0]);
        entry.ranges = merged.reduce<Array<[number, number]>>((out, r) => {
          const last = out[out.length - 1];
          if (last !== undefined && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
          else out.push([r[0], r[1]]);
          return out;
        }, []);
      }
      return result;
    },
    async getRange(key, from, to) {
      const entry = series.get(id(key));
      const bars = entry === undefined ? [] : [...entry.bars.values()].filter((b) => b[0] >= from && b[0] < to);
      return columns(bars.sort((a, b) => a[0] - b[0]));
    },
    async coverage(key) {
      const entry = series.get(id(key));
      return entry === undefined ? undefined : coverageOf(entry);
    },
    async listSeries() {
      return [...series.values()].map(coverageOf);
    },
  };
}
