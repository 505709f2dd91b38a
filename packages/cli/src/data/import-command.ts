/** `stratex data import <file.csv> --provider … --symbol … --timeframe …`. */
import { StratexError } from '@stratex/core';
import { requireSeries } from './data-args.js';
import type { DataSubcommand } from './data-command.js';
import { duration, isoMinute } from './format.js';

export const importCommand: DataSubcommand = async ({ values, positionals, io, json, store }) => {
  if (positionals.length !== 1) {
    throw new StratexError('INVALID_REQUEST', 'name one CSV file: stratex data import <file.csv> --provider …');
  }
  const series = requireSeries(values);
  const { importCandles } = await import('@stratex/local');
  const report = await importCandles(store, positionals[0], series);
  if (json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const q = report.quality;
  io.stdout.write(
    `imported ${report.provider} ${report.symbol} ${report.timeframe}: ${report.bars} bars ` +
      `${isoMinute(report.first)} … ${isoMinute(report.last)} in ${duration(report.elapsedMs)}\n` +
      `  ${report.added} new, ${report.replaced} replaced, ${report.unchanged} already stored\n` +
      `  ${q.duplicates} duplicate rows dropped, ${report.gaps} gaps (${report.missingBars} missing bars)\n` +
      `  quality: ${q.ohlcInconsistent} OHLC inconsistent, ${q.negative} negative, ` +
      `${q.outOfOrder} out of order, ${q.zeroVolume} zero volume\n`,
  );
};
