/**
 * `stratex data import`: a candle CSV into the store as one series, with a report of what it held:
 * bars, how many were new, duplicates, gaps and data quality. The rules of the csv provider apply
 * (CONTRACT.md section 2): a malformed file or a timeframe that is not the median spacing is refused.
 */
import { readFile } from 'node:fs/promises';
import { type CandleStore, type SeriesKey, StratexError } from '@stratex/core';
import {
  checkQuality,
  checkTimeframe,
  countGaps,
  type DataQuality,
  EXCHANGE_PROVIDERS,
  parseCandlesCsv,
  parseTimeframe,
} from '@stratex/market-data';

export interface ImportReport extends SeriesKey {
  /** Bars in the file (duplicates dropped). */
  bars: number;
  added: number;
  replaced: number;
  unchanged: number;
  first?: number;
  last?: number;
  gaps: number;
  missingBars: number;
  quality: DataQuality;
  /** Wall time of the import, ms. */
  elapsedMs: number;
}

/** Reads, checks and stores `file`; `INVALID_REQUEST` naming the line for a file the csv rules refuse. */
export async function importCandles(store: CandleStore, file: string, series: SeriesKey): Promise<ImportReport> {
  const started = performance.now();
  if (!(EXCHANGE_PROVIDERS as readonly string[]).includes(series.provider)) {
    throw new StratexError(
      'INVALID_REQUEST',
      `--provider ${series.provider}: import stores data for an exchange (${EXCHANGE_PROVIDERS.join(', ')}); a CSV of your own runs as is with --provider csv --data file.csv`,
      { field: 'provider' },
    );
  }
  const timeframeMs = parseTimeframe(series.timeframe);
  const bars = parseCandlesCsv(await readText(file));
  checkTimeframe(bars, series.timeframe, timeframeMs);
  const quality = checkQuality(bars, bars.droppedDuplicates.length);
  const { time } = bars;
  const written = await store.putBars(series, {
    timestamp: time,
    open: bars.open,
    high: bars.high,
    low: bars.low,
    close: bars.close,
    volume: bars.volume,
  });
  return {
    ...series,
    bars: time.length,
    ...written,
    ...(time.length === 0 ? {} : { first: time[0], last: time[time.length - 1] }),
    ...countGaps(time, timeframeMs),
    quality,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'it cannot be read';
    throw new StratexError('INVALID_REQUEST', `CSV file ${file}: ${reason}`, { field: 'file' });
  }
}
