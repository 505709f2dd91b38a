/**
 * Comparing two normalised outputs bar by bar, for the look-ahead check (CONTRACT.md section 2):
 * a strategy re-run on a prefix must return the same values on the bars both runs cover.
 */
import type { NormalizedOutput } from './normalized-output.js';

/**
 * The first bar, within the bars both outputs cover, where any key but `indicators` differs
 * (NaN equals NaN), or -1 when they agree. Outputs of different modes differ at bar 0. Call it on
 * outputs with the warm-up dropped so the answer is a counted bar.
 */
export function firstDifferingBar(a: NormalizedOutput, b: NormalizedOutput): number {
  const overlap = Math.min(a.bars, b.bars);
  if (overlap === 0) return -1;
  if (a.mode !== b.mode) return 0;
  const pairs: [ArrayLike<number>, ArrayLike<number>][] = [
    [a.entries, b.entries],
    [a.exits, b.exits],
    [a.shortEntries, b.shortEntries],
    [a.shortExits, b.shortExits],
    [a.size, b.size],
    [a.stopLoss, b.stopLoss],
    [a.takeProfit, b.takeProfit],
    [a.trailingStop, b.trailingStop],
  ];
  if (a.position !== null && b.position !== null) pairs.push([a.position, b.position]);
  let first = -1;
  for (const [x, y] of pairs) {
    const bar = firstDifference(x, y, first === -1 ? overlap : first);
    if (bar !== -1) first = bar;
  }
  return first;
}

/** First index below `end` where the series differ, NaN equal to NaN; -1 when none. */
function firstDifference(x: ArrayLike<number>, y: ArrayLike<number>, end: number): number {
  for (let i = 0; i < end; i++) {
    const u = x[i];
    const v = y[i];
    if (u !== v && !(Number.isNaN(u) && Number.isNaN(v))) return i;
  }
  return -1;
}
