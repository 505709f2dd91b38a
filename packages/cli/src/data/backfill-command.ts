/**
 * `stratex data backfill --provider P --symbol S --timeframe T --from DATE [--to DATE]`: fetches the
 * unknown bars into the store with a progress line on stderr. Run it again after an interruption: it
 * goes on where the last finished step ended.
 */
import { parseInstant, StratexError } from '@stratex/core';
import { requireSeries } from './data-args.js';
import type { DataSubcommand } from './data-command.js';
import { duration, isoMinute } from './format.js';
import { renderProgress } from './progress-bar.js';

export const backfillCommand: DataSubcommand = async ({ values, io, json, store }) => {
  const series = requireSeries(values);
  if (values.from === undefined) throw new StratexError('INVALID_REQUEST', 'missing --from', { flags: ['--from'] });
  const from = parseInstant(values.from, 'from');
  const to = values.to === undefined ? undefined : parseInstant(values.to, 'to');
  const { backfillSeries, createExchangeSource, systemClock } = await import('@stratex/local');
  const onProgress = json
    ? undefined
    : (p: { done: number; total: number; elapsedMs: number }) => io.stderr.write(`\r${renderProgress(p)}`);
  const report = await backfillSeries(
    { store, source: createExchangeSource(systemClock), clock: systemClock, ...(onProgress ? { onProgress } : {}) },
    series,
    from,
    to,
  );
  if (json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  if (report.missingSlots > 0) io.stderr.write('\n');
  io.stdout.write(
    `backfilled ${series.provider} ${series.symbol} ${series.timeframe} ${isoMinute(report.from)} … ${isoMinute(report.to)}: ` +
      `${report.added} bars added in ${duration(report.elapsedMs)}` +
      (report.missingSlots === 0 ? ' (already complete)' : '') +
      '\n',
  );
  for (const u of report.unavailable.slice(0, 3)) {
    io.stdout.write(`  not available ${isoMinute(u.from)} … ${isoMinute(u.to)}: ${u.reason}\n`);
  }
  if (report.unavailable.length > 3)
    io.stdout.write(`  … ${report.unavailable.length - 3} more ranges not available\n`);
};
