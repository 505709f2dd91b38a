import { ceilToPeriodResolution } from './data-period.js';
import { keepShape } from './keep-shape.js';

/**
 * Drawdown from the running peak of equity, in percent (≤ 0), one per point of `equity`:
 * (equity / max(equity so far) − 1) × 100. This is backtesting.py's `DrawdownPct` negated and in
 * percent, so its minimum is exactly `maxDrawdownPct`.
 */
export function drawdownPct(equity: Float64Array): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < equity.length; i++) {
    const value = equity[i];
    if (value > peak) peak = value;
    out[i] = (value / peak - 1) * 100;
  }
  return out;
}

/** Drawdown figures of backtesting.py's `compute_stats` (fractions of the peak, durations in ms). */
export interface DrawdownStats {
  /** Highest equity (backtesting.py's Equity Peak). */
  peak: number;
  /** Deepest drawdown, (1 − equity / peak) at its worst, ≥ 0. */
  maxDrawdown: number;
  /** Mean of the deepest point of each drawdown period; NaN when there is none. */
  avgDrawdown: number;
  /** Longest drawdown period, rounded up to the bar spacing's resolution; NaN when there is none. */
  maxDurationMs: number;
  /** Mean drawdown period, rounded up likewise; NaN when there is none. */
  avgDurationMs: number;
}

/**
 * Drawdown periods as backtesting.py's `compute_drawdown_duration_peaks` finds them: a period runs
 * from a bar at its running peak (drawdown exactly 0) to the next bar at a peak — or to the last
 * bar if the curve has not recovered — when at least one bar lies in between. Its duration is the
 * time between those two bars (so a recovery is counted in full, gaps in the data included) and
 * its depth is the deepest drawdown within it.
 * One case is not copied: when the only drawdown is on the last bar alone, backtesting.py returns
 * the drawdown fraction itself as the "duration" (and as the average depth); we report its depth as
 * the average and no duration (NaN), since no period was counted.
 */
export function drawdownStats(equity: Float64Array, time: ArrayLike<number>, periodMs: number): DrawdownStats {
  const last = equity.length - 1;
  let peak = Number.NEGATIVE_INFINITY;
  let maxDrawdown = 0;
  let lastAtPeak = -1;
  let depth = 0;
  let periods = 0;
  let depthSum = 0;
  let durationSum = 0;
  let maxDuration = Number.NaN;
  let drawdown = 0;
  for (let i = 0; i <= last; i++) {
    const value = equity[i];
    if (value > peak) peak = value;
    // Written as backtesting.py writes it, so "exactly 0" means the same bars in both.
    drawdown = 1 - value / peak;
    if (drawdown > maxDrawdown) maxDrawdown = drawdown;
    if (drawdown > depth) depth = drawdown;
    if (drawdown !== 0 && i !== last) continue;
    if (lastAtPeak >= 0 && i > lastAtPeak + 1) {
      const duration = time[i] - time[lastAtPeak];
      periods++;
      depthSum += depth;
      durationSum += duration;
      if (!(duration <= maxDuration)) maxDuration = duration;
    }
    if (drawdown === 0) {
      lastAtPeak = i;
      depth = 0;
    }
  }
  if (periods === 0) {
    const lone = last >= 0 && drawdown > 0 ? drawdown : Number.NaN;
    return keepShape('drawdownStats', {
      peak,
      maxDrawdown,
      avgDrawdown: lone,
      maxDurationMs: Number.NaN,
      avgDurationMs: Number.NaN,
    });
  }
  return keepShape('drawdownStats', {
    peak,
    maxDrawdown,
    avgDrawdown: depthSum / periods,
    maxDurationMs: ceilToPeriodResolution(maxDuration, periodMs),
    avgDurationMs: ceilToPeriodResolution(durationSum / periods, periodMs),
  });
}
