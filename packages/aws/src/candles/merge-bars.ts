/** Merges new bars into stored ones: the new value wins for a time both hold, with counts of each case. */
import { lowerBound, type PutBarsResult, type StrategyData } from '@stratex/core';

const COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

export interface Merged extends PutBarsResult {
  bars: StrategyData;
}

function sameBar(a: StrategyData, i: number, b: StrategyData, j: number): boolean {
  return COLUMNS.every((column) => Object.is(a[column][i], b[column][j]));
}

/** Both inputs sorted by time with one bar per time; so is the result. */
export function mergeBars(stored: StrategyData, incoming: StrategyData): Merged {
  const n = stored.timestamp.length;
  const m = incoming.timestamp.length;
  const out = COLUMNS.map(() => new Float64Array(n + m));
  let i = 0;
  let j = 0;
  let k = 0;
  const counts = { added: 0, replaced: 0, unchanged: 0 };
  const take = (from: StrategyData, index: number) => {
    COLUMNS.forEach((column, c) => {
      out[c][k] = from[column][index];
    });
    k += 1;
  };
  while (i < n || j < m) {
    const a = i < n ? stored.timestamp[i] : Number.POSITIVE_INFINITY;
    const b = j < m ? incoming.timestamp[j] : Number.POSITIVE_INFINITY;
    if (a < b) take(stored, i++);
    else if (b < a) {
      counts.added += 1;
      take(incoming, j++);
    } else {
      if (sameBar(stored, i, incoming, j)) counts.unchanged += 1;
      else counts.replaced += 1;
      take(incoming, j++);
      i += 1;
    }
  }
  const [timestamp, open, high, low, close, volume] = out.map((column) => column.subarray(0, k));
  return { bars: { timestamp, open, high, low, close, volume }, ...counts };
}

/** The bars of `bars` with from ≤ time < to (times sorted). */
export function sliceBars(bars: StrategyData, from: number, to: number): StrategyData {
  const start = lowerBound(bars.timestamp, from);
  return subBars(bars, start, Math.max(start, lowerBound(bars.timestamp, to)));
}

/** Bars start ≤ index < end, as views. */
export function subBars(bars: StrategyData, start: number, end: number): StrategyData {
  const pick = (column: Float64Array) => column.subarray(start, end);
  return {
    timestamp: pick(bars.timestamp),
    open: pick(bars.open),
    high: pick(bars.high),
    low: pick(bars.low),
    close: pick(bars.close),
    volume: pick(bars.volume),
  };
}

/** Columns laid end to end (each part sorted and after the one before). */
export function concatBars(parts: StrategyData[]): StrategyData {
  const total = parts.reduce((sum, part) => sum + part.timestamp.length, 0);
  const out = COLUMNS.map(() => new Float64Array(total));
  let at = 0;
  for (const part of parts) {
    COLUMNS.forEach((column, c) => {
      out[c].set(part[column], at);
    });
    at += part.timestamp.length;
  }
  const [timestamp, open, high, low, close, volume] = out;
  return { timestamp, open, high, low, close, volume };
}
