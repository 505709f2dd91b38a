import { describe, expect, it } from 'vitest';
import type { PatternFunction } from './scan.js';
import { bearishMarubozu, bullishMarubozu, doji, dragonflyDoji, gravestoneDoji } from './single-candle.js';

type Row = [open: number, high: number, low: number, close: number];
const at = (pattern: PatternFunction, ...rows: Row[]) =>
  Array.from(pattern(...([0, 1, 2, 3].map((k) => rows.map((r) => r[k])) as [number[], number[], number[], number[]])));

// 0.1 % of 100 is 0.1: technicalindicators' "approximately equal" for prices near 100.
const longLegged: Row = [100, 105, 95, 100.05];
const dragonfly: Row = [100, 100.02, 95, 100.01];
const gravestone: Row = [100, 105, 99.98, 99.99];
const bigBody: Row = [100, 105, 95, 101];

describe('one-candle patterns', () => {
  it('doji: open and close within 0.1 %, with both shadows long (or both absent)', () => {
    expect(at(doji, longLegged, bigBody, [100, 100, 100, 100])).toEqual([1, 0, 1]);
  });

  it('doji: a dragonfly or gravestone shape is not a doji in technicalindicators', () => {
    expect(at(doji, dragonfly, gravestone)).toEqual([0, 0]);
  });

  it('dragonflyDoji: open ≈ close ≈ high with a long lower shadow only', () => {
    expect(at(dragonflyDoji, dragonfly, longLegged, gravestone)).toEqual([1, 0, 0]);
  });

  it('gravestoneDoji: open ≈ close ≈ low with a long upper shadow only', () => {
    expect(at(gravestoneDoji, gravestone, longLegged, dragonfly)).toEqual([1, 0, 0]);
  });

  it('bullishMarubozu: a rising bar with no shadows', () => {
    expect(at(bullishMarubozu, [100, 110, 100, 110], [100, 112, 95, 110], [110, 110, 100, 100])).toEqual([1, 0, 0]);
  });

  it('bearishMarubozu: a falling bar with no shadows', () => {
    expect(at(bearishMarubozu, [110, 110, 100, 100], [110, 112, 100, 100], [100, 110, 100, 110])).toEqual([1, 0, 0]);
  });
});
