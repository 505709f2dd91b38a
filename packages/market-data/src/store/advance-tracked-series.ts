/**
 * The scheduled backfill job: one function that the cloud Cron (functions/backfill.ts) and the local
 * scheduler both call. It advances every series the store tracks to its last closed bar. Two runs
 * at once fetch the same pages and merge the same bars: nothing duplicates, nothing is lost; a run
 * that dies midway leaves every finished page stored and known, and the next run goes on from there.
 */
import { type CandleProvider, type CandleStore, type Clock, toStratexError } from '@stratex/core';
import { type BackfillReport, backfillSeries } from './backfill.js';

export interface AdvanceOptions {
  store: CandleStore;
  source: CandleProvider;
  clock: Clock;
  stepBars?: number;
}

export interface AdvanceReport {
  series: BackfillReport[];
  /** Series whose provider failed (the others still advanced). */
  failed: Array<{ provider: string; symbol: string; timeframe: string; code: string; message: string }>;
}

/** Advances each tracked series from the end of its known data to the last closed bar. */
export async function advanceTrackedSeries(options: AdvanceOptions): Promise<AdvanceReport> {
  const report: AdvanceReport = { series: [], failed: [] };
  for (const coverage of await options.store.listSeries()) {
    const { provider, symbol, timeframe } = coverage;
    const knownEnd = coverage.ranges.at(-1)?.[1];
    if (knownEnd === undefined) continue;
    try {
      report.series.push(await backfillSeries(options, { provider, symbol, timeframe }, knownEnd));
    } catch (err) {
      const error = toStratexError(err);
      report.failed.push({ provider, symbol, timeframe, code: error.code, message: error.message });
    }
  }
  return report;
}
