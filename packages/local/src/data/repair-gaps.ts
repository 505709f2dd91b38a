/**
 * `stratex data gaps --repair`: asks the provider again for the bars of every gap and stores what it
 * has. Bars are never invented: a gap the provider cannot fill stays a gap.
 */
import { type CandleProvider, type CandleStore, type SeriesKey, toStratexError } from '@stratex/core';
import type { Gap } from './series-gaps.js';

export interface RepairReport {
  /** Gaps asked for. */
  attempted: number;
  /** Bars the provider had and the store now holds. */
  barsAdded: number;
  /** Gaps the provider could not serve, with its reason. */
  failures: Array<Gap & { reason: string }>;
}

/** Re-fetches each gap from `source`; provider failures other than "no data" end the repair. */
export async function repairGaps(
  store: CandleStore,
  source: CandleProvider,
  series: SeriesKey,
  gaps: Gap[],
): Promise<RepairReport> {
  const report: RepairReport = { attempted: gaps.length, barsAdded: 0, failures: [] };
  for (const gap of gaps) {
    try {
      const set = await source.candles({ ...series, from: gap.from, to: gap.to, warmupBars: 0 });
      report.barsAdded += (await store.putBars(series, set.data, [gap.from, gap.to])).added;
    } catch (err) {
      const error = toStratexError(err);
      if (error.code !== 'DATA_UNAVAILABLE') throw error;
      report.failures.push({ ...gap, reason: error.message });
    }
  }
  return report;
}
