/**
 * Our indicators beside technicalindicators 3.1.0 on a year of hourly Kraken BTC/USD candles.
 * Ours follow TA-Lib (pinned by the golden tests); technicalindicators ("TI") follows its own
 * conventions in places. Where the definitions agree we expect agreement; where they differ we
 * assert the difference itself (and, where possible, rebuild TI's number from ours), so this file
 * fails if either library changes. docs/INDICATORS.md explains each difference.
 *
 * Tolerance where definitions agree: |ours - TI| <= 1e-9 * max(1, |TI|), the golden vectors'
 * tolerance. Both sides run the same recurrences in float64, differing at most in summation order,
 * which costs ~1e-13 relative over 8760 bars; 1e-9 leaves room without hiding any real difference
 * (the smallest definitional difference below is ~1e-8).
 */
import * as ti from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import {
  adx,
  atr,
  bollinger,
  cci,
  crossAbove,
  crossBelow,
  ema,
  macd,
  mfi,
  minusDi,
  obv,
  plusDi,
  roc,
  rsi,
  sar,
  sma,
  stddev,
  stoch,
  stochRsi,
  trix,
  vwap,
  willr,
  wma,
} from './index.js';
import { goldenCandles } from './test-support/golden.js';

const TOLERANCE = 1e-9;

/** Plain-array copies, as TI wants them. */
function plain() {
  const c = goldenCandles();
  return {
    n: c.close.length,
    C: Array.from(c.close),
    H: Array.from(c.high),
    L: Array.from(c.low),
    V: Array.from(c.volume),
  };
}

/**
 * TI returns only defined values (no leading NaNs): put them back at their bars. The first output
 * must sit at `first`, so the padding also checks TI's alignment.
 */
function aligned(values: (number | undefined)[], n: number, first: number): Float64Array {
  expect(values.length, 'TI output length = bars after its warm-up').toBe(n - first);
  const out = new Float64Array(n).fill(Number.NaN);
  values.forEach((v, i) => {
    out[first + i] = v ?? Number.NaN;
  });
  return out;
}

/** Bars in [from, to) where ours and TI differ by more than the tolerance (NaN must match NaN). */
function differences(ours: ArrayLike<number>, theirs: ArrayLike<number>, from = 0, to = ours.length): number[] {
  const bad: number[] = [];
  for (let i = from; i < to; i++) {
    const a = ours[i];
    const b = theirs[i];
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    if (!(Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b)))) bad.push(i);
  }
  return bad;
}

const relativeGap = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const round2 = (v: number) => (Number.isNaN(v) ? v : Number.parseFloat(v.toFixed(2)));

describeWithSharedData('indicators where technicalindicators defines them as TA-Lib does', () => {
  it('SMA(20), EMA(20) and WMA(20) agree from bar 19 (TI seeds its EMA with the SMA too)', () => {
    const { n, C } = plain();
    const close = goldenCandles().close;
    expect(differences(sma(close, 20), aligned(ti.sma({ period: 20, values: C }), n, 19))).toEqual([]);
    expect(differences(ema(close, 20), aligned(ti.ema({ period: 20, values: C }), n, 19))).toEqual([]);
    expect(differences(wma(close, 20), aligned(ti.wma({ period: 20, values: C }), n, 19))).toEqual([]);
  });

  it('ROC(10) and TRIX(18) agree (TRIX: three SMA-seeded EMAs, first value at 3 * 17 + 1)', () => {
    const { n, C } = plain();
    const close = goldenCandles().close;
    expect(differences(roc(close, 10), aligned(ti.roc({ period: 10, values: C }), n, 10))).toEqual([]);
    expect(differences(trix(close, 18), aligned(ti.trix({ period: 18, values: C }), n, 52))).toEqual([]);
  });

  it('ATR(14), Williams %R(14) and CCI(20) agree', () => {
    const { n, C, H, L } = plain();
    const { high, low, close } = goldenCandles();
    const theirsAtr = aligned(ti.atr({ high: H, low: L, close: C, period: 14 }), n, 14);
    expect(differences(atr(high, low, close, 14), theirsAtr)).toEqual([]);
    const theirsWillr = aligned(ti.williamsr({ high: H, low: L, close: C, period: 14 }), n, 13);
    expect(differences(willr(high, low, close, 14), theirsWillr)).toEqual([]);
    const theirsCci = aligned(ti.cci({ high: H, low: L, close: C, period: 20 }), n, 19);
    expect(differences(cci(high, low, close, 20), theirsCci)).toEqual([]);
  });

  it("Bollinger(20, 2): same middle band; bands within 1e-6 though TI's deviation is two-pass", () => {
    const { n, C } = plain();
    const close = goldenCandles().close;
    const theirs = ti.bollingerbands({ period: 20, stdDev: 2, values: C });
    const ours = bollinger(close, 20, 2);
    expect(
      differences(
        ours.middle,
        aligned(
          theirs.map((b) => b.middle),
          n,
          19,
        ),
      ),
    ).toEqual([]);
    for (const band of ['upper', 'lower'] as const) {
      const t = aligned(
        theirs.map((b) => b[band]),
        n,
        19,
      );
      expect(ours[band].every((v, i) => i < 19 || Math.abs(v - t[i]) <= 1e-6)).toBe(true);
    }
  });

  it("standard deviation: both population, but TA-Lib's sqrt(Σx²/n - mean²) differs from TI's two-pass beyond 1e-9", () => {
    const { n, C } = plain();
    const ours = stddev(goldenCandles().close, 20);
    const theirs = aligned(ti.sd({ period: 20, values: C }), n, 19);
    let worst = 0;
    for (let i = 19; i < n; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
    expect(worst).toBeLessThanOrEqual(1e-6);
    // The cancellation in Σx²/n - mean² at prices ~20 000-50 000 leaves ~1e-8 relative: the formula shows.
    expect(differences(ours, theirs).length).toBeGreaterThan(0);
  });

  it('fast stochastic: TI `stochastic` is stoch(14, 1, 3); its d is our slow k (stoch 14, 3, 3)', () => {
    const { n, C, H, L } = plain();
    const { high, low, close } = goldenCandles();
    const theirs = ti.stochastic({ high: H, low: L, close: C, period: 14, signalPeriod: 3 });
    // TI emits raw %K from bar 13; ours keeps k and d on the same first bar (15), as TA-Lib STOCH.
    const theirsK = aligned(
      theirs.map((s) => s.k),
      n,
      13,
    );
    const theirsD = aligned(
      theirs.map((s) => s.d),
      n,
      13,
    );
    const fast = stoch(high, low, close, 14, 1, 3);
    expect(differences(fast.k, theirsK, 15)).toEqual([]);
    expect(Number.isNaN(fast.k[14]) && !Number.isNaN(theirsK[13])).toBe(true);
    expect(differences(fast.d, theirsD)).toEqual([]);
    expect(differences(stoch(high, low, close, 14, 3, 3).k, theirsD, 17)).toEqual([]);
  });

  it("VWAP: TI's running average never restarts; ours equals it without timestamps, and restarts daily with them", () => {
    const { n, C, H, L, V } = plain();
    const { time, high, low, close, volume } = goldenCandles();
    const theirs = aligned(ti.vwap({ high: H, low: L, close: C, volume: V }), n, 0);
    expect(differences(vwap(high, low, close, volume), theirs)).toEqual([]);
    const daily = vwap(high, low, close, volume, time);
    expect(differences(daily, theirs, 0, 24)).toEqual([]); // the first UTC day (bars 0-23)
    expect(relativeGap(daily[24], theirs[24])).toBeGreaterThan(1e-6); // day 2 starts afresh
  });
});

describeWithSharedData('indicators where technicalindicators differs from TA-Lib', () => {
  it('RSI(14): the same Wilder seeding, but TI rounds every value to 2 decimals', () => {
    const { n, C } = plain();
    const ours = rsi(goldenCandles().close, 14);
    const theirs = aligned(ti.rsi({ period: 14, values: C }), n, 14);
    expect(differences(ours.map(round2), theirs)).toEqual([]);
    expect(differences(ours, theirs).length).toBeGreaterThan(n / 2);
  });

  it('Stoch RSI 14 14 3 3: same construction; the gap is exactly TI rounding the RSI first', () => {
    const { n, C } = plain();
    const close = goldenCandles().close;
    const theirs = ti.stochasticrsi({ values: C, rsiPeriod: 14, stochasticPeriod: 14, kPeriod: 3, dPeriod: 3 });
    const theirsK = aligned(
      theirs.map((s) => s.k),
      n,
      31,
    );
    const theirsD = aligned(
      theirs.map((s) => s.d),
      n,
      31,
    );
    const rounded = rsi(close, 14).map(round2);
    const rebuilt = stoch(rounded, rounded, rounded, 14, 3, 3);
    expect(differences(rebuilt.k, theirsK)).toEqual([]);
    expect(differences(rebuilt.d, theirsD)).toEqual([]);
    const ours = stochRsi(close, 14, 14, 3, 3);
    expect(differences(ours.k, theirsK).length).toBeGreaterThan(0);
  });

  it('MACD(12, 26, 9): TI seeds the fast EMA at bar 11, TA-Lib at bar 25; the gap fades within ~170 bars', () => {
    const { n, C } = plain();
    const close = goldenCandles().close;
    const theirs = ti.macd({
      values: C,
      fastPeriod: 12,
      slowPeriod: 26,
      signalPeriod: 9,
      SimpleMAOscillator: false,
      SimpleMASignal: false,
    });
    // TI emits the MACD line from bar 25, signal and histogram from 33 (undefined before).
    const line = aligned(
      theirs.map((m) => m.MACD),
      n,
      25,
    );
    const signal = aligned(
      theirs.map((m) => m.signal),
      n,
      25,
    );
    const histogram = aligned(
      theirs.map((m) => m.histogram),
      n,
      25,
    );
    // TI's MACD is two independently seeded EMAs and an EMA(9) of their difference:
    const fast = ema(close, 12);
    const slow = ema(close, 26);
    const rebuiltLine = fast.map((f, i) => f - slow[i]);
    expect(differences(rebuiltLine, line)).toEqual([]);
    expect(differences(ema(rebuiltLine, 9), signal)).toEqual([]);
    // TA-Lib's seed differs by ~5 % at bar 33; the gap shrinks by 11/13 a bar, (11/13)^167 < 1e-12.
    const ours = macd(close, 12, 26, 9);
    expect(Number.isNaN(ours.macd[32]) && !Number.isNaN(line[32])).toBe(true);
    expect(relativeGap(ours.macd[33], line[33])).toBeGreaterThan(0.01);
    expect(differences(ours.macd, line, 200)).toEqual([]);
    expect(differences(ours.signal, signal, 200)).toEqual([]);
    expect(differences(ours.histogram, histogram, 200)).toEqual([]);
  });

  it('ADX/+DI/-DI(14): TI seeds the Wilder sums with 14 values, TA-Lib with 13 and a step; gone by bar ~400', () => {
    const { n, C, H, L } = plain();
    const { high, low, close } = goldenCandles();
    const theirs = ti.adx({ high: H, low: L, close: C, period: 14 });
    // TI emits +DI and -DI only from bar 27, with the first ADX; TA-Lib has them from bar 14.
    const pairs: [Float64Array, Float64Array][] = [
      [
        adx(high, low, close, 14),
        aligned(
          theirs.map((a) => a.adx),
          n,
          27,
        ),
      ],
      [
        plusDi(high, low, close, 14),
        aligned(
          theirs.map((a) => a.pdi),
          n,
          27,
        ),
      ],
      [
        minusDi(high, low, close, 14),
        aligned(
          theirs.map((a) => a.mdi),
          n,
          27,
        ),
      ],
    ];
    // The seed gap (~1 % at bar 27) shrinks by 13/14 a bar: below 1e-10 after ~250 bars, and
    // ADX, a Wilder average of DX, carries it a little longer.
    for (const [ours, t] of pairs) {
      expect(relativeGap(ours[27], t[27])).toBeGreaterThan(1e-4);
      expect(differences(ours, t, 400)).toEqual([]);
    }
  });

  it('OBV: TI starts its total at 0 on bar 1 (none for bar 0); TA-Lib starts at volume[0] on bar 0', () => {
    const { n, C, V } = plain();
    const { close, volume } = goldenCandles();
    const theirs = aligned(ti.obv({ close: C, volume: V }), n, 1);
    const shifted = obv(close, volume).map((v) => v - volume[0]);
    // The volumes sum to ~1e5 BTC, so a different summation order may move the last bits: 1e-6 BTC.
    expect(shifted.every((v, i) => i === 0 || Math.abs(v - theirs[i]) <= 1e-6)).toBe(true);
  });

  it('MFI(14): TI skips bar 0, rounds to 2 decimals, and counts an unchanged typical price as negative flow', () => {
    const { n, C, H, L, V } = plain();
    const { high, low, close, volume } = goldenCandles();
    const theirs = aligned(ti.mfi({ high: H, low: L, close: C, volume: V, period: 14 }), n, 15);
    const ours = mfi(high, low, close, volume, 14);
    const tp = (i: number) => (high[i] + low[i] + close[i]) / 3;
    const ties = Array.from({ length: n }, (_, i) => i).filter((i) => i > 0 && tp(i) === tp(i - 1));
    expect(ties.length).toBeGreaterThan(0);
    const inTieWindow = (i: number) => ties.some((t) => i >= t && i < t + 14);
    const rounded = ours.map(round2);
    const unexplained: number[] = [];
    for (let i = 15; i < n; i++) {
      const explained = inTieWindow(i) ? theirs[i] < rounded[i] : theirs[i] === rounded[i];
      if (!explained) unexplained.push(i);
    }
    expect(unexplained).toEqual([]);
  });

  it('Parabolic SAR: TI starts long at bar 0 and reverses only when price goes strictly past the SAR', () => {
    const { n, H, L } = plain();
    const { high, low } = goldenCandles();
    const theirs = aligned(ti.psar({ high: H, low: L, step: 0.02, max: 0.2 }), n, 0);
    const ours = sar(high, low, 0.02, 0.2);
    expect(theirs[0]).toBe(low[0]);
    const bad = differences(ours, theirs, 1);
    const starts = bad.filter((i) => !bad.includes(i - 1));
    // The different start shows at once (bar 2) and lasts until the two paths first reverse
    // together. After that both run the same recursion: a divergence can start only on a bar that
    // exactly touches the SAR (TA-Lib reverses, TI does not) and lasts to the next reversal.
    expect(starts[0]).toBe(2);
    expect(starts.length).toBeGreaterThan(1);
    for (const i of starts.slice(1)) expect(theirs[i] === low[i] || theirs[i] === high[i], `bar ${i}`).toBe(true);
    const later = bad.filter((i) => i >= starts[1]);
    expect(later.length).toBeLessThan(n / 100);
  });
});

describe('crossings beside technicalindicators crossUp/crossDown', () => {
  it('TI looks back past equal bars and reports bar 0; ours compares bars t-1 and t only', () => {
    const a = [2, 1, 1, 2, 3, 2, 2, 3];
    const b = [1, 1, 1, 1, 1, 2, 2, 2];
    // Bar 3: a touched b at bars 1-2 but came from above at bar 0; bar 7: same after bars 5-6.
    expect(ti.crossUp({ lineA: a, lineB: b }).map(Number)).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(crossAbove(a, b))).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    const up = b.map((v) => -v);
    const down = a.map((v) => -v);
    expect(ti.crossDown({ lineA: down, lineB: up }).map(Number)).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(crossBelow(down, up))).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
  });
});
