import { describe, expect, it } from 'vitest';
import type { Trade } from '../types.js';
import { tradeStats } from './trade-stats.js';

const HOUR = 3_600_000;

/** A long trade of size 1 from bar `from` to bar `to` (hourly), with the given pnl and return. */
function trade(pnl: number, returnPct: number, from = 0, to = 1): Trade {
  return {
    side: 'long',
    entryBar: from,
    entryTime: from * HOUR,
    entryPrice: 100,
    exitBar: to,
    exitTime: to * HOUR,
    exitPrice: 100 + pnl,
    size: 1,
    fees: 0,
    pnl,
    returnPct,
    exitReason: 'signal',
  };
}

describe('tradeStats', () => {
  it('computes a winner and a loser by hand', () => {
    const stats = tradeStats([trade(30, 3, 0, 2), trade(-10, -2, 2, 3)], HOUR);
    expect(stats.winRatePct).toBe(50);
    expect(stats.bestTradePct).toBe(3);
    expect(stats.worstTradePct).toBe(-2);
    expect(stats.avgTradePct).toBeCloseTo((Math.sqrt(1.03 * 0.98) - 1) * 100, 13);
    expect(stats.expectancyPct).toBe(0.5);
    expect(stats.profitFactor).toBe(3);
    // √2 · mean 10 / sample std √((20² + 20²) / 1) = √2 · 10 / (20√2).
    expect(stats.sqn).toBeCloseTo(0.5, 15);
    // W − (1 − W) / (avg win / avg loss) = 0.5 − 0.5 / 3.
    expect(stats.kelly).toBeCloseTo(1 / 3, 15);
    expect(stats.maxDurationMs).toBe(2 * HOUR);
    expect(stats.avgDurationMs).toBe(2 * HOUR); // 1.5 h rounded up to the hour
  });

  it('measures profit factor in money, not in returns', () => {
    // Returns alone would give 10 / 5 = 2; money gives 100 / 10 = 10.
    const stats = tradeStats([trade(100, 10), trade(-10, -5)], HOUR);
    expect(stats.profitFactor).toBe(10);
  });

  it('gives profit factor 0 and no Kelly when every trade loses', () => {
    const stats = tradeStats([trade(-10, -1), trade(-5, -0.5)], HOUR);
    expect(stats.winRatePct).toBe(0);
    expect(stats.profitFactor).toBe(0);
    expect(stats.kelly).toBeNaN();
  });

  it('leaves profit factor, SQN and Kelly undefined for one winning trade', () => {
    const stats = tradeStats([trade(25, 2.5)], HOUR);
    expect(stats.winRatePct).toBe(100);
    expect(stats.bestTradePct).toBe(2.5);
    expect(stats.worstTradePct).toBe(2.5);
    expect(stats.avgTradePct).toBeCloseTo(2.5, 13);
    expect(stats.expectancyPct).toBe(2.5);
    expect(stats.profitFactor).toBeNaN();
    expect(stats.sqn).toBeNaN();
    expect(stats.kelly).toBeNaN();
  });

  it('counts a break-even trade as neither a win nor a loss', () => {
    const stats = tradeStats([trade(0, 0), trade(10, 1), trade(-10, -1)], HOUR);
    expect(stats.winRatePct).toBeCloseTo(100 / 3, 13);
    expect(stats.profitFactor).toBe(1);
  });

  it('gives a geometric average of 0 once a trade loses everything', () => {
    expect(tradeStats([trade(50, 50), trade(-100, -100)], HOUR).avgTradePct).toBe(0);
  });

  it('is undefined everywhere without trades', () => {
    const stats = tradeStats([], HOUR);
    for (const value of Object.values(stats)) expect(value).toBeNaN();
  });
});
