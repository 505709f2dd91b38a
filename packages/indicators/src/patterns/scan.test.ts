import { describe, expect, it } from 'vitest';
import { bullishEngulfing, doji } from './index.js';
import { type CandleWindow, scanPattern } from './scan.js';

type Row = [open: number, high: number, low: number, close: number];
const columns = (rows: Row[]) =>
  [0, 1, 2, 3].map((k) => rows.map((r) => r[k])) as [number[], number[], number[], number[]];

const wide: Row = [100, 106, 94, 104]; // a 4 % body: no doji, and no engulfing next to another `wide`
const dojiBar: Row = [100, 105, 95, 100.05];
const engulfing: Row[] = [
  [105, 106, 99, 100],
  [99, 107, 98, 106],
];

describe('pattern alignment', () => {
  it('returns one 0/1 entry per bar, 1 at the bar where the pattern completes', () => {
    const out = doji(...columns([wide, wide, wide, dojiBar, wide, wide]));
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Array.from(out)).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it('marks the last bar of a multi-bar pattern, not its first', () => {
    expect(Array.from(bullishEngulfing(...columns([wide, wide, ...engulfing, wide])))).toEqual([0, 0, 0, 1, 0]);
  });

  it('hands the detector exactly the `count` candles ending at each bar, oldest first', () => {
    const seen: number[][] = [];
    const record = (w: CandleWindow) => seen.push([...w.close]);
    scanPattern(
      { name: 'record', count: 3, detect: record },
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [10, 20, 30, 40],
    );
    expect(seen).toEqual([
      [10, 20, 30],
      [20, 30, 40],
    ]);
  });

  it('skips the detector where the cheap candidate test fails', () => {
    let calls = 0;
    const count = () => calls++;
    const out = scanPattern(
      { name: 'c', count: 1, detect: count, candidate: (_o, _h, _l, c, t) => c[t] > 2 },
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    );
    expect(calls).toBe(2);
    expect(Array.from(out)).toEqual([0, 0, 0, 1]); // the detector answered 0 (falsy) then 1
  });
});

describe('pattern inputs', () => {
  it('is all 0 when there are fewer candles than the pattern reads, and empty for empty input', () => {
    expect(Array.from(bullishEngulfing(...columns([engulfing[1]])))).toEqual([0]);
    expect(doji([], [], [], []).length).toBe(0);
  });

  it('is 0 for every window that holds a NaN, and fires again once the window is clean', () => {
    const withNaN: Row = [Number.NaN, 100, 100, 100];
    expect(Array.from(bullishEngulfing(...columns([withNaN, ...engulfing])))).toEqual([0, 0, 1]);
    const brokenFirst: Row = [105, 106, 99, Number.NaN];
    expect(Array.from(bullishEngulfing(...columns([brokenFirst, engulfing[1], ...engulfing])))).toEqual([0, 0, 0, 1]);
    expect(Array.from(doji(...columns([dojiBar, [100, Number.POSITIVE_INFINITY, 95, 100], dojiBar])))).toEqual([
      1, 0, 1,
    ]);
  });

  it('accepts Float64Array and plain arrays alike', () => {
    const rows = [wide, dojiBar, ...engulfing, dojiBar];
    const typed = columns(rows).map((c) => Float64Array.from(c)) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    expect(doji(...typed)).toEqual(doji(...columns(rows)));
    expect(bullishEngulfing(...typed)).toEqual(bullishEngulfing(...columns(rows)));
  });

  it('rejects inputs of different lengths, naming the pattern', () => {
    expect(() => doji([1, 2], [1, 2], [1, 2], [1])).toThrow(/patterns\.doji: inputs must have the same length/);
  });
});
