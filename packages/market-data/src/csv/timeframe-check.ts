/** The CSV rule "a timeframe that is not the median spacing is INVALID_REQUEST", naming a line. */
import { StratexError } from '@stratex/core';
import { formatTimeframe } from '../timeframe.js';
import type { CandleColumns } from './parse-candles-csv.js';

/** Median of the spacings between consecutive bars (ms), or undefined for fewer than two bars. */
export function medianSpacing(time: Float64Array): number | undefined {
  if (time.length < 2) return undefined;
  const spacing = new Float64Array(time.length - 1);
  for (let i = 1; i < time.length; i++) spacing[i - 1] = time[i] - time[i - 1];
  spacing.sort();
  const mid = spacing.length >>> 1;
  return spacing.length % 2 === 1 ? spacing[mid] : (spacing[mid - 1] + spacing[mid]) / 2;
}

/** Throws `INVALID_REQUEST` unless the bars' median spacing is the requested timeframe. */
export function checkTimeframe(bars: CandleColumns, timeframe: string, timeframeMs: number): void {
  const median = medianSpacing(bars.time);
  if (median === undefined || median === timeframeMs) return;
  const { time, line } = bars;
  let example = 1;
  while (example < time.length - 1 && time[example] - time[example - 1] !== median) example += 1;
  const spelled = Number.isInteger(median) ? formatTimeframe(median) : `${median} ms`;
  throw new StratexError(
    'INVALID_REQUEST',
    `CSV line ${line[example]}: the bars are ${spelled} apart (the median spacing), not ${timeframe} as requested; pass --timeframe ${spelled} or another file`,
    { line: line[example], timeframe, medianSpacingMs: median },
  );
}
