import { describe, expect, it } from 'vitest';
import { drawdownPct, drawdownStats } from './drawdowns.js';

const HOUR = 3_600_000;
const hours = (n: number) => Array.from({ length: n }, (_, i) => i * HOUR);

describe('drawdownPct', () => {
  it('is the percent below the running peak, 0 at a new peak', () => {
    const dd = drawdownPct(Float64Array.of(100, 120, 90, 120, 130, 65));
    expect(Array.from(dd)).toEqual([0, 0, -25, 0, 0, -50]);
    expect(Object.is(dd[0], 0)).toBe(true);
  });
});

describe('drawdownStats', () => {
  it('counts each period from a peak to the recovery, with its deepest point', () => {
    // Peaks at bars 0, 1, 3, 4 and 7; periods 1→3 (deepest 25 %) and 4→7 (deepest 50 %).
    const equity = Float64Array.of(100, 120, 90, 120, 130, 65, 100, 140);
    const stats = drawdownStats(equity, hours(8), HOUR);
    expect(stats.maxDrawdown).toBe(0.5);
    expect(stats.avgDrawdown).toBe((0.25 + 0.5) / 2);
    expect(stats.maxDurationMs).toBe(3 * HOUR);
    expect(stats.avgDurationMs).toBe(3 * HOUR); // (2 h + 3 h) / 2 = 2.5 h, rounded up to the hour
  });

  it('counts a period still open at the end up to the last bar', () => {
    const stats = drawdownStats(Float64Array.of(100, 90, 95, 92), hours(4), HOUR);
    expect(stats.maxDrawdown).toBeCloseTo(0.1, 15);
    expect(stats.avgDrawdown).toBe(stats.maxDrawdown);
    expect(stats.maxDurationMs).toBe(3 * HOUR);
  });

  it('measures in clock time, so a gap inside a drawdown counts', () => {
    const stats = drawdownStats(Float64Array.of(100, 90, 100), [0, HOUR, 50 * HOUR], HOUR);
    expect(stats.maxDurationMs).toBe(50 * HOUR);
  });

  it('leaves out a drawdown on the last bar alone when other periods exist, as backtesting.py', () => {
    const stats = drawdownStats(Float64Array.of(100, 80, 100, 95), hours(4), HOUR);
    expect(stats.maxDrawdown).toBeCloseTo(0.2, 15);
    expect(stats.avgDrawdown).toBe(stats.maxDrawdown);
    expect(stats.maxDurationMs).toBe(2 * HOUR);
  });

  it('has no period, average or duration for a curve that never falls', () => {
    const stats = drawdownStats(Float64Array.of(100, 100, 110), hours(3), HOUR);
    expect(stats.maxDrawdown).toBe(0);
    expect(stats.avgDrawdown).toBeNaN();
    expect(stats.maxDurationMs).toBeNaN();
    expect(stats.avgDurationMs).toBeNaN();
  });

  it('reports a drawdown on the last bar alone by its depth but without a duration (backtesting.py gives the depth as duration)', () => {
    const stats = drawdownStats(Float64Array.of(100, 110, 99), hours(3), HOUR);
    expect(stats.maxDrawdown).toBeCloseTo(0.1, 15);
    expect(stats.avgDrawdown).toBe(stats.maxDrawdown);
    expect(stats.maxDurationMs).toBeNaN();
  });
});
