import { describe, expect, it } from 'vitest';
import type { PatternFunction } from './scan.js';
import {
  hammer,
  hammerUnconfirmed,
  hangingMan,
  hangingManUnconfirmed,
  shootingStar,
  shootingStarUnconfirmed,
  tweezerBottom,
  tweezerTop,
} from './trend-reversal.js';

type Row = [open: number, high: number, low: number, close: number];
const at = (pattern: PatternFunction, ...rows: Row[]) =>
  Array.from(pattern(...([0, 1, 2, 3].map((k) => rows.map((r) => r[k])) as [number[], number[], number[], number[]])));

/** Bars whose closes are `closes` (small bodies, nothing else of note). */
const trend = (...closes: number[]): Row[] => closes.map((c) => [c + 1, c + 2, c - 1, c]);

const hammerStick: Row = [99, 100, 95, 100]; // close = high, lower shadow 4 × the body
const invertedStick: Row = [111, 115, 110, 110]; // close = low, upper shadow 4 × the body
const hangingStick: Row = [111, 111, 107, 110]; // open = high, lower shadow 3 × the body
const upConfirm: Row = [100, 103, 99.5, 102];
const downConfirm: Row = [110, 110.5, 106, 107];

describe('five-candle patterns fire on the fifth candle', () => {
  it('hammer: downtrend, hammer stick, then a rising bar above its close', () => {
    expect(at(hammer, ...trend(110, 105, 100), hammerStick, upConfirm)).toEqual([0, 0, 0, 0, 1]);
    expect(at(hammer, ...trend(110, 105, 100), hammerStick, [100, 101, 97, 98])).toEqual([0, 0, 0, 0, 0]);
    expect(at(hammer, ...trend(100, 105, 110), hammerStick, upConfirm)).toEqual([0, 0, 0, 0, 0]); // uptrend
  });

  it('hammer: compares average loss and gain as strings (a technicalindicators quirk)', () => {
    // closes 120, 100, 118: average loss 10 > average gain 9, yet "10" < "9": no downtrend.
    expect(at(hammer, ...trend(120, 100, 118), hammerStick, upConfirm)[4]).toBe(0);
    // closes 120, 102, 122: average loss 9 < average gain 10, yet "9" > "10": a downtrend.
    expect(at(hammer, ...trend(120, 102, 122), hammerStick, upConfirm)[4]).toBe(1);
  });

  it('hammerUnconfirmed: four falling closes, then a hammer stick, inverted ones included', () => {
    expect(at(hammerUnconfirmed, ...trend(115, 110, 105, 100), hammerStick)).toEqual([0, 0, 0, 0, 1]);
    expect(at(hammerUnconfirmed, ...trend(115, 110, 105, 100), [99, 104, 99, 100])).toEqual([0, 0, 0, 0, 1]);
    expect(at(hammerUnconfirmed, ...trend(115, 110, 105, 100), [99, 100, 94, 95])).toEqual([0, 0, 0, 0, 0]);
  });

  it('shootingStar: uptrend, inverted hammer stick, then a falling bar below its close', () => {
    expect(at(shootingStar, ...trend(100, 105, 110), invertedStick, downConfirm)).toEqual([0, 0, 0, 0, 1]);
    expect(at(shootingStar, ...trend(100, 105, 110), hangingStick, downConfirm)).toEqual([0, 0, 0, 0, 0]);
  });

  it('shootingStarUnconfirmed: four rising closes, then an inverted hammer stick', () => {
    expect(at(shootingStarUnconfirmed, ...trend(100, 105, 110, 115), [116, 120, 115, 115])).toEqual([0, 0, 0, 0, 1]);
    expect(at(shootingStarUnconfirmed, ...trend(100, 105, 110, 115), [116, 116, 112, 115])).toEqual([0, 0, 0, 0, 0]);
  });

  it('hangingMan: uptrend, (not inverted) hammer stick, then a falling bar below its close', () => {
    expect(at(hangingMan, ...trend(100, 105, 110), hangingStick, downConfirm)).toEqual([0, 0, 0, 0, 1]);
    expect(at(hangingMan, ...trend(100, 105, 110), invertedStick, downConfirm)).toEqual([0, 0, 0, 0, 0]);
  });

  it('hangingManUnconfirmed: four rising closes, then a hammer stick', () => {
    expect(at(hangingManUnconfirmed, ...trend(100, 105, 110, 115), [116, 116, 112, 115])).toEqual([0, 0, 0, 0, 1]);
    expect(at(hangingManUnconfirmed, ...trend(100, 105, 110, 115), [116, 120, 115, 115])).toEqual([0, 0, 0, 0, 0]);
  });

  it('tweezers: two equal highs after an uptrend, two equal lows after a downtrend', () => {
    expect(at(tweezerTop, ...trend(100, 105, 110), [110, 114, 109, 113], [113, 114, 108, 109])[4]).toBe(1);
    expect(at(tweezerTop, ...trend(100, 105, 110), [110, 114, 109, 113], [113, 114.01, 108, 109])[4]).toBe(0);
    expect(at(tweezerBottom, ...trend(110, 105, 100), [100, 101, 96, 97], [97, 100, 96, 99.5])[4]).toBe(1);
    expect(at(tweezerBottom, ...trend(110, 105, 100), [100, 101, 96, 97], [97, 100, 96.01, 99.5])[4]).toBe(0);
  });
});
