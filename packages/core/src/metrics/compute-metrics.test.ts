import { describe, expect, it } from 'vitest';
import type { Metrics, Trade } from '../types.js';
import { computeMetrics, drawdownPct } from './index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 1 January 2024: four daily bars Monday–Thursday have no weekend, so 252 days a year. */
const MONDAY = Date.UTC(2024, 0, 1);
const days = (n: number) => Array.from({ length: n }, (_, i) => MONDAY + i * DAY);

function long(entryBar: number, exitBar: number, pnl: number, returnPct: number): Trade {
  return {
    side: 'long',
    entryBar,
    entryTime: MONDAY + entryBar * DAY,
    entryPrice: 10,
    exitBar,
    exitTime: MONDAY + exitBar * DAY,
    exitPrice: 10 * (1 + returnPct / 100),
    size: pnl / (returnPct / 10),
    fees: 0,
    pnl,
    returnPct,
    exitReason: 'signal',
  };
}

function metricsOf(equity: number[], close: number[], trades: Trade[] = [], time = days(equity.length)): Metrics {
  return computeMetrics({ trades, equity: Float64Array.from(equity), time, close });
}

describe('computeMetrics by hand', () => {
  // Equity 100 → 110 → 99 → 121 held by one trade over four days; the close 10 → 11 → 10 → 12.
  const equity = [100, 110, 99, 121];
  const close = [10, 11, 10, 12];
  const m = metricsOf(equity, close, [long(0, 3, 21, 21)]);
  const dayReturns = [0.1, -0.1, 121 / 99 - 1];
  const growth = Math.cbrt(1.1 * 0.9 * (121 / 99)); // geometric mean daily growth, = 1.21^(1/3)
  const annual = growth ** 252 - 1;

  it('reads period, exposure, equity and returns', () => {
    expect(m.startTime).toBe(MONDAY);
    expect(m.endTime).toBe(MONDAY + 3 * DAY);
    expect(m.durationDays).toBe(3);
    expect(m.exposurePct).toBe(100);
    expect(m.equityFinal).toBe(121);
    expect(m.equityPeak).toBe(121);
    expect(m.returnPct).toBeCloseTo(21, 12);
    expect(m.buyHoldReturnPct).toBeCloseTo(20, 12);
    expect(m.cagrPct! / ((1.21 ** (365.25 / 3) - 1) * 100)).toBeCloseTo(1, 12);
  });

  it('annualises the geometric mean daily return over 252 days and its compounded volatility', () => {
    const mean = dayReturns.reduce((a, b) => a + b) / 3;
    const variance = dayReturns.reduce((a, r) => a + (r - mean) ** 2, 0) / 2;
    const volatility = Math.sqrt((variance + growth ** 2) ** 252 - growth ** 504);
    expect(m.returnAnnPct! / (annual * 100)).toBeCloseTo(1, 12);
    expect(m.volatilityAnnPct! / (volatility * 100)).toBeCloseTo(1, 12);
    expect(m.sharpe!).toBeCloseTo(annual / volatility, 12);
    expect(m.sortino! / (annual / (Math.sqrt(0.01 / 3) * Math.sqrt(252)))).toBeCloseTo(1, 12);
    expect(m.calmar! / (annual / 0.1)).toBeCloseTo(1, 12);
  });

  it('finds the one drawdown period, 110 → 99 → 121', () => {
    expect(m.maxDrawdownPct).toBeCloseTo(-10, 12);
    expect(m.avgDrawdownPct).toBeCloseTo(-10, 12);
    expect(m.maxDrawdownDurationDays).toBe(2);
    expect(m.avgDrawdownDurationDays).toBe(2);
  });

  it('regresses log equity returns on log market returns for beta and alpha', () => {
    const e = [Math.log(1.1), Math.log(0.9), Math.log(121 / 99)];
    const c = [Math.log(1.1), Math.log(10 / 11), Math.log(1.2)];
    const me = (e[0] + e[1] + e[2]) / 3;
    const mc = (c[0] + c[1] + c[2]) / 3;
    const beta =
      ((e[0] - me) * (c[0] - mc) + (e[1] - me) * (c[1] - mc) + (e[2] - me) * (c[2] - mc)) /
      ((c[0] - mc) ** 2 + (c[1] - mc) ** 2 + (c[2] - mc) ** 2);
    expect(m.beta).toBeCloseTo(beta, 12);
    expect(m.alphaPct).toBeCloseTo(21 - beta * 20, 10);
  });

  it('reports the single winning trade, with the ratios that need a loss or a spread left null', () => {
    expect(m.trades).toBe(1);
    expect(m.winRatePct).toBe(100);
    expect(m.bestTradePct).toBe(21);
    expect(m.worstTradePct).toBe(21);
    expect(m.avgTradePct).toBeCloseTo(21, 12);
    expect(m.expectancyPct).toBe(21);
    expect(m.maxTradeDurationDays).toBe(3);
    expect(m.avgTradeDurationDays).toBe(3);
    expect(m.profitFactor).toBeNull();
    expect(m.sqn).toBeNull();
    expect(m.kelly).toBeNull();
  });

  it('has the drawdown series whose minimum is the max drawdown', () => {
    const dd = drawdownPct(Float64Array.from(equity));
    expect(Array.from(dd).map((x) => Number(x.toFixed(12)))).toEqual([0, 0, -10, 0]);
    expect(Math.min(...dd)).toBe(m.maxDrawdownPct);
  });
});

describe('computeMetrics where values are undefined', () => {
  it('leaves trade statistics null without trades, and the ratios null on a flat curve', () => {
    const m = metricsOf([100, 100, 100], [10, 11, 12]);
    expect(m.trades).toBe(0);
    expect(m.exposurePct).toBe(0);
    expect(m.returnPct).toBe(0);
    expect(m.returnAnnPct).toBe(0);
    expect(m.volatilityAnnPct).toBe(0);
    expect(m.sharpe).toBeNull();
    expect(m.sortino).toBeNull();
    expect(m.calmar).toBeNull();
    expect(m.maxDrawdownPct).toBe(0);
    expect(Object.is(m.maxDrawdownPct, -0)).toBe(false);
    expect(m.avgDrawdownPct).toBeNull();
    expect(m.maxDrawdownDurationDays).toBeNull();
    expect(m.beta).toBe(0);
    expect(m.alphaPct).toBe(0);
    for (const key of [
      'winRatePct',
      'bestTradePct',
      'worstTradePct',
      'avgTradePct',
      'maxTradeDurationDays',
      'avgTradeDurationDays',
      'profitFactor',
      'expectancyPct',
      'sqn',
      'kelly',
    ] as const) {
      expect(m[key], key).toBeNull();
    }
  });

  it('gives profit factor 0 when every trade loses', () => {
    const m = metricsOf([100, 95, 90, 88], [10, 9, 8, 8], [long(0, 1, -5, -5), long(1, 3, -7, -7.3)]);
    expect(m.profitFactor).toBe(0);
    expect(m.winRatePct).toBe(0);
    expect(m.kelly).toBeNull();
    expect(m.sortino).toBeLessThan(0);
  });

  it('has no annual figures when all bars fall in one day, and no CAGR for a single bar', () => {
    const intraday = metricsOf([100, 101], [10, 11], [], [MONDAY, MONDAY + HOUR]);
    expect(intraday.returnAnnPct).toBeNull();
    expect(intraday.volatilityAnnPct).toBeNull();
    expect(intraday.sharpe).toBeNull();
    expect(intraday.cagrPct).not.toBeNull();
    const single = metricsOf([100], [10]);
    expect(single.durationDays).toBe(0);
    expect(single.cagrPct).toBeNull();
    expect(single.beta).toBeNull();
    expect(single.alphaPct).toBeNull();
  });

  it('has no beta or alpha once equity reaches zero, and a geometric mean of 0 (−100 % days)', () => {
    const m = metricsOf([100, 50, 0, 0], [10, 11, 12, 13]);
    expect(m.beta).toBeNull();
    expect(m.alphaPct).toBeNull();
    expect(m.returnAnnPct).toBe(0);
    expect(m.maxDrawdownPct).toBe(-100);
  });

  it('returns only the trade count when there are no bars', () => {
    const m = computeMetrics({ trades: [], equity: new Float64Array(0), time: [], close: [] });
    for (const [key, value] of Object.entries(m)) expect(value, key).toBe(key === 'trades' ? 0 : null);
  });

  it('never returns NaN or an infinity', () => {
    const cases = [
      metricsOf([100, 100, 100], [10, 10, 10]),
      metricsOf([100, 0, 0, 5], [10, 11, 0, 1]),
      metricsOf([100], [10], [long(0, 0, 0, 0)]),
    ];
    for (const m of cases) {
      for (const [key, value] of Object.entries(m)) {
        if (value !== null) expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
      }
    }
  });
});
