/**
 * Picks the bars of one run out of a sorted series (CONTRACT.md section 2, "Data"): counted bars open
 * in [from, to) and are closed (open + timeframe ≤ now); up to `warmupBars` bars before `from` come
 * first. No bar is invented: gaps stay gaps.
 */
import { type CandleQuery, type CandleSet, lowerBound, StratexError } from '@stratex/core';
import type { CandleColumns } from './csv/parse-candles-csv.js';
import { countGaps } from './gaps.js';
import { formatTimeframe } from './timeframe.js';

export type BarSeries = Omit<CandleColumns, 'line'>;

const iso = (time: number): string => new Date(time).toISOString();

/** The window of `series` a query asks for, with its gap count; `DATA_UNAVAILABLE` when it is empty. */
export function selectWindow(series: BarSeries, query: CandleQuery, timeframeMs: number, now: number): CandleSet {
  const { time } = series;
  const first = lowerBound(time, query.from);
  const beforeTo = lowerBound(time, query.to);
  const end = Math.min(beforeTo, lowerBound(time, now - timeframeMs + 1));
  if (end <= first) throw noBars(series, query, timeframeMs, now);
  const start = Math.max(0, first - query.warmupBars);
  const pick = (column: Float64Array) => column.subarray(start, end);
  const data = {
    timestamp: pick(time),
    open: pick(series.open),
    high: pick(series.high),
    low: pick(series.low),
    close: pick(series.close),
    volume: pick(series.volume),
  };
  const warnings = windowWarnings(series, query, timeframeMs, { start, first, end, beforeTo });
  return {
    data,
    warmupBars: first - start,
    timeframeMs,
    ...countGaps(data.timestamp, timeframeMs),
    duplicatesDropped: 0,
    warnings,
  };
}

interface WindowIndices {
  start: number;
  first: number;
  end: number;
  beforeTo: number;
}

function windowWarnings(series: BarSeries, query: CandleQuery, timeframeMs: number, at: WindowIndices): string[] {
  const { time } = series;
  const warnings: string[] = [];
  if (at.first - at.start < query.warmupBars) {
    warnings.push(
      `only ${at.first - at.start} of the ${query.warmupBars} warm-up bars exist before ${iso(query.from)}`,
    );
  }
  if (time[at.first] - query.from >= timeframeMs) {
    warnings.push(`the data starts at ${iso(time[at.first])}, after the requested start ${iso(query.from)}`);
  }
  if (at.end < at.beforeTo) {
    const open = at.beforeTo - at.end;
    warnings.push(
      `${open} bar${open === 1 ? ' is' : 's are'} not closed yet and ${open === 1 ? 'was' : 'were'} left out`,
    );
  } else if (query.to - time[at.end - 1] > 2 * timeframeMs && at.end === time.length) {
    warnings.push(
      `the data ends at ${iso(time[at.end - 1])} (${formatTimeframe(timeframeMs)} bars), before the requested end`,
    );
  }
  return warnings;
}

function noBars(series: BarSeries, query: CandleQuery, timeframeMs: number, now: number): StratexError {
  const { time } = series;
  const covers = time.length === 0 ? 'no bars at all' : `bars from ${iso(time[0])} to ${iso(time[time.length - 1])}`;
  const closedBy = query.to > now ? ` closed by ${iso(now)}` : '';
  return new StratexError(
    'DATA_UNAVAILABLE',
    `no ${formatTimeframe(timeframeMs)} bars${closedBy} between ${iso(query.from)} and ${iso(query.to)}; the data has ${covers}`,
    { from: query.from, to: query.to },
  );
}
