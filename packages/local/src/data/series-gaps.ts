/** The gaps of a stored series, one record per run of missing bars (gaps stay gaps: nothing is filled in). */
import type { CandleStore, SeriesKey } from '@stratex/core';
import { parseTimeframe } from '@stratex/market-data';

export interface Gap {
  /** Open time of the first missing bar. */
  from: number;
  /** Open time of the bar after the last missing one (the next stored bar). */
  to: number;
  missingBars: number;
}

/** Every gap between the first and the last stored bar of the series. */
export async function seriesGaps(store: CandleStore, series: SeriesKey): Promise<Gap[]> {
  const timeframeMs = parseTimeframe(series.timeframe);
  const { timestamp } = await store.getRange(series, 0, Number.MAX_SAFE_INTEGER);
  const gaps: Gap[] = [];
  for (let i = 1; i < timestamp.length; i++) {
    const missing = Math.round((timestamp[i] - timestamp[i - 1]) / timeframeMs) - 1;
    if (missing > 0) gaps.push({ from: timestamp[i - 1] + timeframeMs, to: timestamp[i], missingBars: missing });
  }
  return gaps;
}
