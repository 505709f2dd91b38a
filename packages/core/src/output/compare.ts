/**
 * Comparing two normalised outputs bar by bar, for the look-ahead check (CONTRACT.md section 2):
 * a strategy re-run on a prefix must return the same values on the bars both runs cover.
 */
import { type NormalizedOutput, valueAt } from './normalized-output.js';

/**
 * The first bar, within the bars both outputs cover, where any key but `indicators` differs
 * (NaN equals NaN), or -1 when they agree. Outputs of different modes differ at bar 0. Call it on
 * outputs with the warm-up dropped so the answer is a counted bar.
 */
export function firstDifferingBar(a: NormalizedOutput, b: NormalizedOutput): number {
  const overlap = Math.min(a.bars, b.bars);
  if (overlap === 0) return -1;
  if (a.mode !== b.mode) return 0;
  const at = (series: ArrayLike<number>) => (bar: number) => series[bar];
  const level = (series: Float64Array) => (bar: number) => valueAt(series, bar);
  const pairs: [Reader, Reader][] = [
    [at(a.entries), at(b.entries)],
    [at(a.exits), at(b.exits)],
    [at(a.shortEntries), at(b.shortEntries)],
    [at(a.shortExits), at(b.shortExits)],
    [level(a.size), level(b.size)],
    [level(a.stopLoss), level(b.stopLoss)],
    [level(a.takeProfit), level(b.takeProfit)],
    [level(a.trailingStop), level(b.trailingStop)],
  ];
  if (a.position !== null && b.position !== null) pairs.push([at(a.position), at(b.position)]);
  let first = -1;
  for (const [x, y] of pairs) {
    const bar = firstDifference(x, y, first === -1 ? overlap : first);
    if (bar !== -1) first = bar;
  }
  return first;
}

type Reader = (bar: number) => number;

/** First bar below `end` where the series differ, NaN equal to NaN; -1 when none. */
function firstDifference(x: Reader, y: Reader, end: number): number {
  for (let i = 0; i < end; i++) {
    const u = x(i);
    const v = y(i);
    if (u !== v && !(Number.isNaN(u) && Number.isNaN(v))) return i;
  }
  return -1;
}
