/** `stratex data show [--provider P] [--symbol S] [--timeframe T]`: the stored series and their gaps. */
import type { SeriesCoverage } from '@stratex/core';
import type { DataSubcommand } from './data-command.js';
import { isoMinute } from './format.js';

export const showCommand: DataSubcommand = async ({ values, io, json, store }) => {
  const { seriesGaps } = await import('@stratex/local');
  const wanted = (s: SeriesCoverage) =>
    (values.provider === undefined || s.provider === values.provider) &&
    (values.symbol === undefined || s.symbol === values.symbol) &&
    (values.timeframe === undefined || s.timeframe === values.timeframe);
  const listed = (await store.listSeries()).filter(wanted);
  const rows = await Promise.all(
    listed.map(async (s) => {
      const gaps = await seriesGaps(store, s);
      return { ...s, gaps: gaps.length, missingBars: gaps.reduce((sum, g) => sum + g.missingBars, 0) };
    }),
  );
  if (json) {
    io.stdout.write(`${JSON.stringify({ series: rows })}\n`);
    return;
  }
  if (rows.length === 0) {
    io.stdout.write('no stored series; add one with stratex data import or stratex data backfill\n');
    return;
  }
  for (const r of rows) {
    io.stdout.write(
      `${r.provider} ${r.symbol} ${r.timeframe}: ${r.bars} bars ${isoMinute(r.first)} … ${isoMinute(r.last)}, ` +
        `${r.gaps} gaps (${r.missingBars} missing bars)\n`,
    );
  }
};
