import type { Trade } from '../types.js';
import { ceilToPeriodResolution } from './data-period.js';
import { geometricMeanReturn } from './geometric-mean.js';
import { keepShape } from './keep-shape.js';

/** Statistics of the closed trades, as backtesting.py 0.6 (NaN where it gives NaN or ±inf). */
export interface TradeStats {
  /** Share of trades with pnl > 0, in %. */
  winRatePct: number;
  /** Highest / lowest trade `returnPct` (backtesting.py's pl_pct × 100). */
  bestTradePct: number;
  worstTradePct: number;
  /** Geometric mean of the trade returns, in % (a −100 % trade makes it 0). */
  avgTradePct: number;
  /** Arithmetic mean of the trade returns, in %. */
  expectancyPct: number;
  /**
   * Gross profit / gross loss in money: Σ pnl of winners / |Σ pnl of losers|.
   * Deliberately not backtesting.py's ratio of summed trade *returns*, which weighs a 1 % gain on
   * a small trade like a 1 % gain on a large one. NaN (→ null) when there is no losing money.
   */
  profitFactor: number;
  /** Van Tharp's System Quality Number: √n · mean(pnl) / std(pnl) (sample std, ddof 1). */
  sqn: number;
  /**
   * Kelly criterion: W − (1 − W) / R with W the win rate (pnl > 0) and R the mean winning pnl over
   * the mean losing |pnl|. NaN without winners or without losers.
   */
  kelly: number;
  /** Longest / mean time from entry bar to exit bar, mean rounded up to the bar resolution. */
  maxDurationMs: number;
  avgDurationMs: number;
}

export function tradeStats(trades: readonly Trade[], periodMs: number): TradeStats {
  const count = trades.length;
  const returns = new Float64Array(count);
  let wins = 0;
  let losses = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let returnSum = 0;
  let pnlSum = 0;
  let best = Number.NEGATIVE_INFINITY;
  let worst = Number.POSITIVE_INFINITY;
  let durationSum = 0;
  let maxDuration = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const { pnl, returnPct, entryTime, exitTime } = trades[k];
    returns[k] = returnPct;
    returnSum += returnPct;
    pnlSum += pnl;
    if (returnPct > best) best = returnPct;
    if (returnPct < worst) worst = returnPct;
    if (pnl > 0) {
      wins++;
      grossProfit += pnl;
    } else if (pnl < 0) {
      losses++;
      grossLoss -= pnl;
    }
    const duration = exitTime - entryTime;
    durationSum += duration;
    if (duration > maxDuration) maxDuration = duration;
  }
  const winRate = wins / count;
  return keepShape('tradeStats', {
    winRatePct: winRate * 100,
    bestTradePct: count > 0 ? best : Number.NaN,
    worstTradePct: count > 0 ? worst : Number.NaN,
    avgTradePct: geometricMeanReturn(returns, 100) * 100,
    expectancyPct: returnSum / count,
    profitFactor: grossProfit / (grossLoss || Number.NaN),
    sqn: (Math.sqrt(count) * (pnlSum / count)) / (pnlStd(trades, pnlSum / count) || Number.NaN),
    kelly: winRate - (1 - winRate) / (grossProfit / wins / (grossLoss / losses)),
    maxDurationMs: count > 0 ? ceilToPeriodResolution(maxDuration, periodMs) : Number.NaN,
    avgDurationMs: ceilToPeriodResolution(durationSum / count, periodMs),
  });
}

/** Sample standard deviation (ddof 1) of pnl around its mean, two-pass like pandas' `std`. */
function pnlStd(trades: readonly Trade[], mean: number): number {
  const count = trades.length;
  if (count < 2) return Number.NaN;
  let squares = 0;
  for (const trade of trades) squares += (trade.pnl - mean) ** 2;
  return Math.sqrt(squares / (count - 1));
}
