/** `stratex data gaps --provider P --symbol S --timeframe T [--all] [--repair]`. */
import { systemClock } from '@stratex/local';
import { requireSeries } from './data-args.js';
import type { DataSubcommand } from './data-command.js';
import { isoMinute } from './format.js';

const LISTED = 20;

export const gapsCommand: DataSubcommand = async ({ values, io, json, store }) => {
  const series = requireSeries(values);
  const { createExchangeSource, repairGaps, seriesGaps } = await import('@stratex/local');
  const gaps = await seriesGaps(store, series);
  const repair =
    values.repair === true ? await repairGaps(store, createExchangeSource(systemClock), series, gaps) : undefined;
  const missingBars = gaps.reduce((sum, g) => sum + g.missingBars, 0);
  if (json) {
    io.stdout.write(`${JSON.stringify({ ...series, gaps: gaps.length, missingBars, list: gaps, repair })}\n`);
    return;
  }
  io.stdout.write(
    `${series.provider} ${series.symbol} ${series.timeframe}: ${gaps.length} gaps, ${missingBars} missing bars\n`,
  );
  const shown = values.all === true ? gaps : gaps.slice(0, LISTED);
  for (const g of shown)
    io.stdout.write(`  ${isoMinute(g.from)} up to ${isoMinute(g.to)}: ${g.missingBars} bars missing\n`);
  if (shown.length < gaps.length) io.stdout.write(`  … ${gaps.length - shown.length} more (--all lists them)\n`);
  if (repair !== undefined) {
    io.stdout.write(
      `repair: ${repair.barsAdded} bars added; ${repair.failures.length} gaps the provider could not fill\n`,
    );
    for (const f of repair.failures.slice(0, 3)) io.stdout.write(`  ${isoMinute(f.from)}: ${f.reason}\n`);
  }
};
