/** A counting fake exchange for store tests: hourly bars from `start` (close = hour index), minus `holes`. */
import { type CandleProvider, type CandleQuery, type StrategyData, StratexError } from '@stratex/core';

export const HOUR = 3_600_000;

export interface FakeExchange {
  provider: CandleProvider;
  /** Every [from, to) asked, in order. */
  asked: Array<[number, number]>;
}

export function fakeExchange(start: number, holes: Set<number> = new Set(), failOnCall?: number): FakeExchange {
  const asked: Array<[number, number]> = [];
  const provider: CandleProvider = {
    async candles(query: CandleQuery) {
      asked.push([query.from, query.to]);
      if (failOnCall === asked.length) throw new StratexError('PROVIDER_ERROR', 'the exchange went away');
      await new Promise((resolve) => setTimeout(resolve, 1));
      const times: number[] = [];
      for (let t = Math.max(start, query.from); t < query.to; t += HOUR) {
        if (!holes.has((t - start) / HOUR)) times.push(t);
      }
      if (times.length === 0) throw new StratexError('DATA_UNAVAILABLE', 'no bars there');
      const col = (f: (t: number) => number) => Float64Array.from(times, f);
      const data: StrategyData = {
        timestamp: Float64Array.from(times),
        open: col((t) => (t - start) / HOUR),
        high: col((t) => (t - start) / HOUR + 1),
        low: col((t) => (t - start) / HOUR - 1),
        close: col((t) => (t - start) / HOUR),
        volume: col(() => 1),
      };
      return { data, warmupBars: 0, timeframeMs: HOUR, gaps: 0, missingBars: 0, duplicatesDropped: 0, warnings: [] };
    },
  };
  return { provider, asked };
}
