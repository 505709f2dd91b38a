import { describe, expect, it } from 'vitest';
import type { PatternFunction } from './scan.js';
import {
  abandonedBaby,
  downsideTasukiGap,
  eveningDojiStar,
  eveningStar,
  morningDojiStar,
  morningStar,
  threeBlackCrows,
  threeWhiteSoldiers,
} from './three-candle.js';

type Row = [open: number, high: number, low: number, close: number];
const at = (pattern: PatternFunction, ...rows: Row[]) =>
  Array.from(pattern(...([0, 1, 2, 3].map((k) => rows.map((r) => r[k])) as [number[], number[], number[], number[]])));

const fall: Row = [110, 111, 100, 101]; // bearish, body midpoint 105.5, low 100
const starBelow: Row = [97, 98, 95, 96]; // entirely below `fall`
const dojiBelow: Row = [97, 98, 95, 97.05];
const riseBack: Row = [99, 108, 98.5, 107]; // opens above the star, closes above 105.5
const rise: Row = [100, 110, 99, 109]; // bullish, body midpoint 104.5, high 110
const starAbove: Row = [113, 115, 112, 114];
const dojiAbove: Row = [113, 115, 112, 113.05];
const fallBack: Row = [111, 111.5, 102, 103];

describe('three-candle patterns fire on the third candle', () => {
  it('morningStar: fall, gap down, rise past the first midpoint', () => {
    expect(at(morningStar, fall, starBelow, riseBack)).toEqual([0, 0, 1]);
    expect(at(morningStar, fall, starBelow, [99, 108, 98.5, 104])).toEqual([0, 0, 0]); // short of the midpoint
  });

  it('eveningStar: rise, gap up, fall past the first midpoint', () => {
    expect(at(eveningStar, rise, starAbove, fallBack)).toEqual([0, 0, 1]);
    expect(at(eveningStar, rise, starAbove, [111, 111.5, 102, 106])).toEqual([0, 0, 0]);
  });

  it('doji stars: the star patterns with a doji in the middle', () => {
    expect(at(morningDojiStar, fall, dojiBelow, riseBack)).toEqual([0, 0, 1]);
    expect(at(morningDojiStar, fall, starBelow, riseBack)).toEqual([0, 0, 0]);
    expect(at(eveningDojiStar, rise, dojiAbove, fallBack)).toEqual([0, 0, 1]);
    expect(at(eveningDojiStar, rise, starAbove, fallBack)).toEqual([0, 0, 0]);
  });

  it('abandonedBaby: a doji gapped away from both neighbours', () => {
    expect(at(abandonedBaby, fall, dojiBelow, [99, 105, 98.5, 104])).toEqual([0, 0, 1]);
    expect(at(abandonedBaby, fall, dojiBelow, [99, 105, 97.5, 104])).toEqual([0, 0, 0]); // low3 reaches the doji
  });

  it('downsideTasukiGap: two falls with a gap, then a rise into the gap', () => {
    const first: Row = [110, 111, 104, 105];
    const second: Row = [102, 103, 97, 98];
    expect(at(downsideTasukiGap, first, second, [100, 104.5, 99, 104])).toEqual([0, 0, 1]);
    expect(at(downsideTasukiGap, first, second, [100, 102, 99, 101])).toEqual([0, 0, 0]); // stays below open2
  });

  it('threeWhiteSoldiers: three rising bars, each opening below the previous close', () => {
    const soldiers: Row[] = [
      [100, 106, 99, 105],
      [104, 111, 103, 110],
    ];
    expect(at(threeWhiteSoldiers, ...soldiers, [109, 116, 108, 115])).toEqual([0, 0, 1]);
    expect(at(threeWhiteSoldiers, ...soldiers, [109, 116, 108, 108.5])).toEqual([0, 0, 0]); // third bar falls
  });

  it('threeBlackCrows: three falling bars, each opening inside the previous body', () => {
    const crows: Row[] = [
      [115, 116, 109, 110],
      [112, 113, 104, 105],
    ];
    expect(at(threeBlackCrows, ...crows, [107, 108, 99, 100])).toEqual([0, 0, 1]);
    expect(at(threeBlackCrows, ...crows, [104, 104.5, 99, 100])).toEqual([0, 0, 0]); // opens below close2
  });
});
