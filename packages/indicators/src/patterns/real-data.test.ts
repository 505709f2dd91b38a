/**
 * The patterns on a year of hourly Kraken BTC/USD candles: each output must equal technicalindicators
 * asked bar by bar the way its README shows (the candles up to bar t, the detector reading the last
 * ones itself), and the counts must make sense for a market that trades around the clock.
 */
import * as ti from 'technicalindicators';
import { expect, it } from 'vitest';
import { describeWithSharedData } from '../../../../testing/shared-data.js';
import { goldenCandles } from '../test-support/golden.js';
import * as patterns from './index.js';
import type { PatternFunction } from './scan.js';

type Direct = (data: { open: number[]; high: number[]; low: number[]; close: number[] }) => unknown;

/** Each pattern's technicalindicators detector and how many candles it reads (from its source). */
const reference: Record<string, [Direct, number]> = {
  doji: [ti.doji, 1],
  dragonflyDoji: [ti.dragonflydoji, 1],
  gravestoneDoji: [ti.gravestonedoji, 1],
  bullishMarubozu: [ti.bullishmarubozu, 1],
  bearishMarubozu: [ti.bearishmarubozu, 1],
  bullishEngulfing: [ti.bullishengulfingpattern, 2],
  bearishEngulfing: [ti.bearishengulfingpattern, 2],
  bullishHarami: [ti.bullishharami, 2],
  bearishHarami: [ti.bearishharami, 2],
  bullishHaramiCross: [ti.bullishharamicross, 2],
  bearishHaramiCross: [ti.bearishharamicross, 2],
  piercingLine: [ti.piercingline, 2],
  darkCloudCover: [ti.darkcloudcover, 2],
  morningStar: [ti.morningstar, 3],
  eveningStar: [ti.eveningstar, 3],
  morningDojiStar: [ti.morningdojistar, 3],
  eveningDojiStar: [ti.eveningdojistar, 3],
  abandonedBaby: [ti.abandonedbaby, 3],
  downsideTasukiGap: [ti.downsidetasukigap, 3],
  threeWhiteSoldiers: [ti.threewhitesoldiers, 3],
  threeBlackCrows: [ti.threeblackcrows, 3],
  hammer: [ti.hammerpattern, 5],
  hammerUnconfirmed: [ti.hammerpatternunconfirmed, 5],
  shootingStar: [ti.shootingstar, 5],
  shootingStarUnconfirmed: [ti.shootingstarunconfirmed, 5],
  hangingMan: [ti.hangingman, 5],
  hangingManUnconfirmed: [ti.hangingmanunconfirmed, 5],
  tweezerTop: [ti.tweezertop, 5],
  tweezerBottom: [ti.tweezerbottom, 5],
};

/** Patterns that need a price gap between candles: next to none on hourly 24/7 crypto bars. */
const gapPatterns = [
  'morningStar',
  'eveningStar',
  'morningDojiStar',
  'eveningDojiStar',
  'abandonedBaby',
  'downsideTasukiGap',
];

const all = patterns as unknown as Record<string, PatternFunction>;
const runs = new Map<string, Uint8Array>();
function run(name: string): Uint8Array {
  const c = goldenCandles();
  const cached = runs.get(name);
  if (cached) return cached;
  const out = all[name](c.open, c.high, c.low, c.close);
  runs.set(name, out);
  return out;
}
const hits = (out: Uint8Array) => out.reduce((sum, v) => sum + v, 0);

/** technicalindicators on the (up to) 8 candles ending at bar t, as plain arrays. */
function direct(detect: Direct, t: number): 0 | 1 {
  const c = goldenCandles();
  const from = Math.max(0, t - 7);
  const slice = (x: Float64Array) => Array.from(x.subarray(from, t + 1));
  return detect({ open: slice(c.open), high: slice(c.high), low: slice(c.low), close: slice(c.close) }) ? 1 : 0;
}

describeWithSharedData('candlestick patterns on a year of hourly BTC/USD', () => {
  it('covers every exported pattern', () => {
    expect(Object.keys(all).sort()).toEqual(Object.keys(reference).sort());
  });

  it.each(Object.entries(reference))('%s equals technicalindicators asked bar by bar', (name, [detect, count]) => {
    const out = run(name);
    expect(out.length).toBe(goldenCandles().close.length);
    expect(hits(out.subarray(0, count - 1))).toBe(0);
    const mismatches: number[] = [];
    for (let t = count - 1; t < out.length; t++) if (out[t] !== direct(detect, t)) mismatches.push(t);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('fires on at most a quarter of the bars, and the common shapes fire at all', () => {
    const n = goldenCandles().close.length;
    for (const name of Object.keys(reference)) {
      const count = hits(run(name));
      expect(count, name).toBeLessThanOrEqual(n / 4);
      if (!gapPatterns.includes(name)) expect(count, name).toBeGreaterThan(0);
    }
  });

  it('finds gap patterns at most a handful of times: hourly BTC bars open where the last one closed', () => {
    for (const name of gapPatterns) expect(hits(run(name)), name).toBeLessThanOrEqual(5);
  });

  it('finds the doji variants only where their base pattern is (a cross is a harami, a doji star a star)', () => {
    for (const [narrow, broad] of [
      ['bullishHaramiCross', 'bullishHarami'],
      ['bearishHaramiCross', 'bearishHarami'],
      ['morningDojiStar', 'morningStar'],
      ['eveningDojiStar', 'eveningStar'],
    ]) {
      const a = run(narrow);
      const b = run(broad);
      expect(
        a.every((v, i) => v <= b[i]),
        `${narrow} ⊆ ${broad}`,
      ).toBe(true);
    }
  });
});
