/**
 * Fetch-through candles: a CandleProvider answering exchange queries from the candle store, fetching
 * only the ranges the store does not know yet from the exchange's provider and keeping them. Closed bars
 * only; bars are never invented (a range the provider cannot serve stays missing, with a warning).
 */
import {
  type CandleProvider,
  type CandleQuery,
  type CandleSet,
  type CandleStore,
  type Clock,
  type SeriesKey,
  StratexError,
  toStratexError,
} from '@stratex/core';
import { selectWindow } from '../select-window.js';
import { alignUp, parseTimeframe } from '../timeframe.js';
import { missingRanges } from './missing-ranges.js';

export interface StoredCandlesOptions {
  store: CandleStore;
  /** Where missing ranges come from (the exchange providers); none means the store only (offline). */
  source?: CandleProvider;
  clock: Clock;
}

const iso = (time: number) => new Date(time).toISOString();

/** Open time of the first bar that is not closed at `now`. */
export function firstOpenBar(now: number, timeframeMs: number): number {
  return alignUp(now - timeframeMs + 1, timeframeMs);
}

/** Fetches the parts of [from, to) the store does not know and stores them; returns warnings. */
export async function fetchMissing(
  options: StoredCandlesOptions,
  series: SeriesKey,
  from: number,
  to: number,
): Promise<string[]> {
  const coverage = await options.store.coverage(series);
  const missing = missingRanges(coverage?.ranges ?? [], from, to);
  const warnings: string[] = [];
  for (const [start, end] of missing) {
    if (options.source === undefined) {
      warnings.push(`no stored bars between ${iso(start)} and ${iso(end)}, and no provider to fetch them from`);
      continue;
    }
    try {
      const set = await options.source.candles({ ...series, from: start, to: end, warmupBars: 0 });
      await options.store.putBars(series, set.data, [start, end]);
    } catch (err) {
      const error = toStratexError(err);
      if (error.code !== 'DATA_UNAVAILABLE') throw error;
      warnings.push(`bars between ${iso(start)} and ${iso(end)} could not be fetched: ${error.message}`);
    }
  }
  return warnings;
}

/** The fetch-through provider for exchange ids; the execution service sees an ordinary CandleProvider. */
export function createStoredCandles(options: StoredCandlesOptions): CandleProvider {
  return {
    async candles(query: CandleQuery): Promise<CandleSet> {
      const timeframeMs = parseTimeframe(query.timeframe);
      const now = options.clock.now();
      const series = { provider: query.provider, symbol: query.symbol, timeframe: query.timeframe };
      const start = query.from - query.warmupBars * timeframeMs;
      const end = Math.min(query.to, firstOpenBar(now, timeframeMs));
      const warnings = end > start ? await fetchMissing(options, series, start, end) : [];
      const bars = await options.store.getRange(series, start, end);
      const { timestamp: time, ...rest } = bars;
      try {
        const set = selectWindow({ time, ...rest }, query, timeframeMs, now);
        return { ...set, warnings: [...warnings, ...set.warnings] };
      } catch (err) {
        throw withHint(toStratexError(err), series, warnings);
      }
    },
  };
}

function withHint(error: StratexError, series: SeriesKey, warnings: string[]): StratexError {
  if (error.code !== 'DATA_UNAVAILABLE') return error;
  const hint = `; import a CSV with \`stratex data import <file> --provider ${series.provider} --symbol ${series.symbol} --timeframe ${series.timeframe}\` or fetch with \`stratex data backfill\``;
  const why = warnings.length === 0 ? '' : ` (${warnings.join('; ')})`;
  return new StratexError('DATA_UNAVAILABLE', `${error.message}${why}${hint}`, error.details);
}
