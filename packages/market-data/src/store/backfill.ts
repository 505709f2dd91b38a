/**
 * Backfill: fills a series' unknown ranges from the provider, a page at a time, storing each page
 * and marking it known before the next. An interrupted run therefore loses nothing: the next one
 * recomputes what is missing and starts there. Concurrent runs are safe because writes merge
 * idempotently (a bar is keyed by its time).
 */
import { type CandleProvider, type CandleStore, type Clock, type SeriesKey, toStratexError } from '@stratex/core';
import { parseTimeframe } from '../timeframe.js';
import { missingRanges } from './missing-ranges.js';
import { firstOpenBar } from './stored-candles.js';

/** Bars asked per step: one exchange page or a few, small enough for steady progress. */
export const BACKFILL_STEP_BARS = 1000;

export interface BackfillProgress {
  /** Bar slots (time / timeframe) handled so far and in all. */
  done: number;
  total: number;
  /** Bars stored so far. */
  stored: number;
  elapsedMs: number;
}

export interface BackfillOptions {
  store: CandleStore;
  source: CandleProvider;
  clock: Clock;
  stepBars?: number;
  onProgress?: (progress: BackfillProgress) => void;
}

export interface BackfillReport extends SeriesKey {
  from: number;
  /** Where the run stopped: the first bar not closed yet, or the asked end. */
  to: number;
  /** Bar slots that were unknown when the run began (0: nothing to do). */
  missingSlots: number;
  added: number;
  /** Ranges the provider had no bars for (left unknown, so a later import can still fill them). */
  unavailable: Array<{ from: number; to: number; reason: string }>;
  elapsedMs: number;
}

/** Fetches and stores every unknown bar of [from, to) that is closed now. */
export async function backfillSeries(
  options: BackfillOptions,
  series: SeriesKey,
  from: number,
  to = Number.POSITIVE_INFINITY,
): Promise<BackfillReport> {
  const started = options.clock.now();
  const timeframeMs = parseTimeframe(series.timeframe);
  const end = Math.min(to, firstOpenBar(started, timeframeMs));
  const steps = plan(
    await options.store.coverage(series),
    from,
    end,
    timeframeMs * (options.stepBars ?? BACKFILL_STEP_BARS),
  );
  const total = steps.reduce((sum, [a, b]) => sum + (b - a) / timeframeMs, 0);
  const report: BackfillReport = {
    ...series,
    from,
    to: end,
    missingSlots: total,
    added: 0,
    unavailable: [],
    elapsedMs: 0,
  };
  let done = 0;
  for (const [a, b] of steps) {
    try {
      const set = await options.source.candles({ ...series, from: a, to: b, warmupBars: 0 });
      report.added += (await options.store.putBars(series, set.data, [a, b])).added;
    } catch (err) {
      const error = toStratexError(err);
      if (error.code !== 'DATA_UNAVAILABLE') throw error;
      report.unavailable.push({ from: a, to: b, reason: error.message });
    }
    done += (b - a) / timeframeMs;
    options.onProgress?.({ done, total, stored: report.added, elapsedMs: options.clock.now() - started });
  }
  report.elapsedMs = options.clock.now() - started;
  return report;
}

/** The unknown parts of [from, to), cut into steps of at most `stepMs`. */
function plan(
  coverage: { ranges: Array<[number, number]> } | undefined,
  from: number,
  to: number,
  stepMs: number,
): Array<[number, number]> {
  const steps: Array<[number, number]> = [];
  if (!(to > from)) return steps;
  for (const [a, b] of missingRanges(coverage?.ranges ?? [], from, to)) {
    for (let at = a; at < b; at += stepMs) steps.push([at, Math.min(b, at + stepMs)]);
  }
  return steps;
}
