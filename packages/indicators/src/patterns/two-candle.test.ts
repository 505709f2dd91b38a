import { describe, expect, it } from 'vitest';
import type { PatternFunction } from './scan.js';
import {
  bearishEngulfing,
  bearishHarami,
  bearishHaramiCross,
  bullishEngulfing,
  bullishHarami,
  bullishHaramiCross,
  darkCloudCover,
  piercingLine,
} from './two-candle.js';

type Row = [open: number, high: number, low: number, close: number];
const at = (pattern: PatternFunction, ...rows: Row[]) =>
  Array.from(pattern(...([0, 1, 2, 3].map((k) => rows.map((r) => r[k])) as [number[], number[], number[], number[]])));

const falling: Row = [110, 111, 99, 100]; // bearish body 100..110, midpoint 105
const rising: Row = [100, 111, 99, 110]; // bullish body 100..110, midpoint 105

describe('two-candle patterns fire on the second candle', () => {
  it('bullishEngulfing: a rising body that covers the previous falling one', () => {
    expect(at(bullishEngulfing, [105, 106, 99, 100], [99, 107, 98, 106])).toEqual([0, 1]);
    expect(at(bullishEngulfing, [105, 106, 99, 100], [99, 107, 98, 104])).toEqual([0, 0]); // closes below open1
  });

  it('bearishEngulfing: a falling body that covers the previous rising one', () => {
    expect(at(bearishEngulfing, [100, 106, 99, 105], [106, 107, 98, 99])).toEqual([0, 1]);
    expect(at(bearishEngulfing, [100, 106, 99, 105], [106, 107, 98, 101])).toEqual([0, 0]);
  });

  it('bullishHarami: a small bar inside a falling body', () => {
    expect(at(bullishHarami, falling, [102, 105, 101, 104])).toEqual([0, 1]);
    expect(at(bullishHarami, falling, [102, 112, 101, 104])).toEqual([0, 0]); // high2 above high1
  });

  it('bearishHarami: a small bar inside a rising body', () => {
    expect(at(bearishHarami, rising, [108, 109, 105, 106])).toEqual([0, 1]);
    expect(at(bearishHarami, rising, [108, 109, 99.5, 106])).toEqual([0, 0]); // low2 below open1
  });

  it('harami crosses: the harami with a doji second bar (open ≈ close)', () => {
    expect(at(bullishHaramiCross, falling, [104, 105, 101, 104.05])).toEqual([0, 1]);
    expect(at(bullishHaramiCross, falling, [102, 105, 101, 104])).toEqual([0, 0]); // a harami, not a cross
    expect(at(bearishHaramiCross, rising, [106, 108, 105, 105.95])).toEqual([0, 1]);
    expect(at(bearishHaramiCross, rising, [108, 109, 105, 106])).toEqual([0, 0]);
  });

  it('piercingLine: opens below the falling bar, closes above its midpoint', () => {
    expect(at(piercingLine, falling, [98, 107, 97, 106])).toEqual([0, 1]);
    expect(at(piercingLine, falling, [98, 107, 97, 104])).toEqual([0, 0]); // below the midpoint
  });

  it('darkCloudCover: opens above the rising bar, closes below its midpoint but above its open', () => {
    expect(at(darkCloudCover, rising, [112, 113, 101, 103])).toEqual([0, 1]);
    expect(at(darkCloudCover, rising, [112, 113, 98, 99])).toEqual([0, 0]); // below open1: engulfing instead
  });
});
