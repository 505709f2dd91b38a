/**
 * Pages through an exchange's OHLC endpoint (since/limit) until the end of the range, and checks what
 * comes back: numbers only, sorted, one bar per time, closed bars only. Gaps stay gaps.
 */
import { StratexError } from '@stratex/core';
import type { BarSeries } from '../select-window.js';
import type { ExchangeProfile } from './exchange-profiles.js';
import type { CcxtExchange } from './load-exchange.js';

export interface FetchRange {
  symbol: string;
  timeframe: string;
  timeframeMs: number;
  /** First bar open time wanted. */
  start: number;
  /** Bars open before this time; at most the last closed bar's open + 1. */
  end: number;
  pageLimit: number;
}

type Bar = [number, number, number, number, number, number];

/** The exchange's bars in [start, end), each page fetched through `call` (which retries). */
export async function fetchBars(
  exchange: CcxtExchange,
  profile: ExchangeProfile,
  range: FetchRange,
  call: <T>(attempt: () => Promise<T>) => Promise<T>,
): Promise<BarSeries> {
  const byTime = new Map<number, Bar>();
  let since = range.start;
  while (since < range.end) {
    const params = profile.takesUntil ? { until: range.end - 1 } : {};
    const page = await call(() => exchange.fetchOHLCV(range.symbol, range.timeframe, since, range.pageLimit, params));
    const bars = checkedPage(page, profile);
    for (const bar of bars) if (bar[0] >= range.start && bar[0] < range.end) byTime.set(bar[0], bar);
    const last = bars.length === 0 ? undefined : Math.max(...bars.map((bar) => bar[0]));
    if (last === undefined || last < since || bars.length < Math.min(range.pageLimit, profile.pageLimit)) break;
    since = last + range.timeframeMs;
  }
  return toSeries([...byTime.values()].sort((a, b) => a[0] - b[0]));
}

/** The rows of one page as numbers; `PROVIDER_ERROR` naming the first row that is not a candle. */
function checkedPage(page: unknown, profile: ExchangeProfile): Bar[] {
  if (!Array.isArray(page)) throw malformed(profile, 'the candles are not a list');
  return page.map((row, index) => {
    if (!Array.isArray(row) || row.length < 6) throw malformed(profile, `candle ${index} is not a row of six values`);
    const values = row.slice(0, 6);
    const bad = values.findIndex((value) => typeof value !== 'number' || !Number.isFinite(value));
    if (bad !== -1) {
      const column = ['time', 'open', 'high', 'low', 'close', 'volume'][bad];
      throw malformed(profile, `candle ${index} has no valid ${column}`);
    }
    return values as Bar;
  });
}

function malformed(profile: ExchangeProfile, what: string): StratexError {
  return new StratexError('PROVIDER_ERROR', `${profile.name} answered malformed candles (${what}); try again later`, {
    provider: profile.id,
  });
}

function toSeries(bars: Bar[]): BarSeries {
  const column = (index: number) => Float64Array.from(bars, (bar) => bar[index]);
  return { time: column(0), open: column(1), high: column(2), low: column(3), close: column(4), volume: column(5) };
}
