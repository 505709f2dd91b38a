/** The `csv` provider: one local file of one symbol's candles, read once and validated as a whole. */
import { readFile } from 'node:fs/promises';
import {
  type CandleProvider,
  type CandleQuery,
  type CandleSet,
  type Clock,
  lowerBound,
  StratexError,
} from '@stratex/core';
import { selectWindow } from '../select-window.js';
import { parseTimeframe } from '../timeframe.js';
import { type ParsedCandles, parseCandlesCsv } from './parse-candles-csv.js';
import { checkTimeframe } from './timeframe-check.js';

export interface CsvProviderOptions {
  /** The file, as the user named it (also used in messages). */
  file: string;
  clock: Clock;
}

/** A provider reading `file`; every query is checked against the whole file's rules. */
export function createCsvProvider(options: CsvProviderOptions): CandleProvider {
  let parsed: Promise<ParsedCandles> | undefined;
  return {
    async candles(query: CandleQuery): Promise<CandleSet> {
      const timeframeMs = parseTimeframe(query.timeframe);
      parsed ??= readCsv(options.file);
      const bars = await parsed;
      checkTimeframe(bars, query.timeframe, timeframeMs);
      const set = selectWindow(bars, query, timeframeMs, options.clock.now());
      return { ...set, duplicatesDropped: countWithin(bars.droppedDuplicates, set.data.timestamp) };
    },
  };
}

async function readCsv(file: string): Promise<ParsedCandles> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'it cannot be read';
    throw new StratexError('INVALID_REQUEST', `CSV file ${file}: ${reason}`, { field: 'data' });
  }
  return parseCandlesCsv(text);
}

/** Dropped duplicates (sorted times) that fall inside the window handed over. */
function countWithin(droppedTimes: number[], window: Float64Array): number {
  if (droppedTimes.length === 0) return 0;
  const sorted = Float64Array.from(droppedTimes);
  return lowerBound(sorted, window[window.length - 1] + 1) - lowerBound(sorted, window[0]);
}
