import type { Metrics, Trade } from '../types.js';
import { alphaPct, betaToMarket } from './alpha-beta.js';
import { annualiseReturns } from './annualised-returns.js';
import { MS_PER_DAY } from './calendar.js';
import { dataPeriodMs } from './data-period.js';
import { drawdownStats } from './drawdowns.js';
import { exposurePct } from './exposure.js';
import { finiteOrNull } from './finite-or-null.js';
import { periodReturns, periodsPerYear, resampleBin, resampleEquity } from './period-returns.js';
import { calmarRatio, sharpeRatio, sortinoRatio } from './ratios.js';
import { buyHoldReturnPct, cagrPct, totalReturnPct } from './total-returns.js';
import { tradeStats } from './trade-stats.js';

export interface MetricsInput {
  trades: readonly Trade[];
  /** Equity per counted bar; the last point is after the end-of-data close. */
  equity: Float64Array;
  /** Bar open times, ms UTC, one per counted bar, ascending. */
  time: ArrayLike<number>;
  /** Closes of the counted bars (buy & hold, alpha and beta). */
  close: ArrayLike<number>;
}

/**
 * The metrics of CONTRACT.md section 3: backtesting.py 0.6's `compute_stats` on the same trades
 * and equity, risk-free rate 0, with every duration in (fractional) days and `null` wherever it
 * would give NaN or ±inf. The one deliberate difference is `profitFactor`, in money (see
 * trade-stats.ts); docs/METRICS.md lists every definition.
 */
export function computeMetrics(input: MetricsInput): Metrics {
  const { trades, equity, time, close } = input;
  if (equity.length === 0) return metricsWithoutBars(trades.length);
  const startTime = time[0];
  const durationMs = time[time.length - 1] - startTime;
  const periodMs = dataPeriodMs(time);
  const bin = resampleBin(periodMs);
  const resampled = resampleEquity(time, equity, bin);
  const annual = annualiseReturns(periodReturns(resampled.lastPerBin), periodsPerYear(bin, resampled.weekendShare));
  const returnAnnPct = annual.returnAnn * 100;
  const volatilityAnnPct = annual.volatilityAnn * 100;
  const drawdown = drawdownStats(equity, time, periodMs);
  const returnPct = totalReturnPct(equity);
  const buyHold = buyHoldReturnPct(close);
  const beta = betaToMarket(equity, close);
  const tradesOf = tradeStats(trades, periodMs);
  return {
    startTime,
    endTime: time[time.length - 1],
    durationDays: durationMs / MS_PER_DAY,
    exposurePct: finiteOrNull(exposurePct(trades, equity.length)),
    equityFinal: finiteOrNull(equity[equity.length - 1]),
    equityPeak: finiteOrNull(drawdown.peak),
    returnPct: finiteOrNull(returnPct),
    buyHoldReturnPct: finiteOrNull(buyHold),
    returnAnnPct: finiteOrNull(returnAnnPct),
    volatilityAnnPct: finiteOrNull(volatilityAnnPct),
    cagrPct: finiteOrNull(cagrPct(equity, durationMs)),
    sharpe: finiteOrNull(sharpeRatio(returnAnnPct, volatilityAnnPct)),
    sortino: finiteOrNull(sortinoRatio(annual.returnAnn, annual.downsideDeviationAnn)),
    calmar: finiteOrNull(calmarRatio(annual.returnAnn, drawdown.maxDrawdown)),
    maxDrawdownPct: finiteOrNull(-drawdown.maxDrawdown * 100),
    avgDrawdownPct: finiteOrNull(-drawdown.avgDrawdown * 100),
    maxDrawdownDurationDays: finiteOrNull(drawdown.maxDurationMs / MS_PER_DAY),
    avgDrawdownDurationDays: finiteOrNull(drawdown.avgDurationMs / MS_PER_DAY),
    alphaPct: finiteOrNull(alphaPct(returnPct, beta, buyHold)),
    beta: finiteOrNull(beta),
    maxTradeDurationDays: finiteOrNull(tradesOf.maxDurationMs / MS_PER_DAY),
    avgTradeDurationDays: finiteOrNull(tradesOf.avgDurationMs / MS_PER_DAY),
    trades: trades.length,
    winRatePct: finiteOrNull(tradesOf.winRatePct),
    bestTradePct: finiteOrNull(tradesOf.bestTradePct),
    worstTradePct: finiteOrNull(tradesOf.worstTradePct),
    avgTradePct: finiteOrNull(tradesOf.avgTradePct),
    profitFactor: finiteOrNull(tradesOf.profitFactor),
    expectancyPct: finiteOrNull(tradesOf.expectancyPct),
    sqn: finiteOrNull(tradesOf.sqn),
    kelly: finiteOrNull(tradesOf.kelly),
  };
}

/** No counted bars (an empty date range): nothing is defined but the trade count. */
function metricsWithoutBars(trades: number): Metrics {
  return {
    startTime: null,
    endTime: null,
    durationDays: null,
    exposurePct: null,
    equityFinal: null,
    equityPeak: null,
    returnPct: null,
    buyHoldReturnPct: null,
    returnAnnPct: null,
    volatilityAnnPct: null,
    cagrPct: null,
    sharpe: null,
    sortino: null,
    calmar: null,
    maxDrawdownPct: null,
    avgDrawdownPct: null,
    maxDrawdownDurationDays: null,
    avgDrawdownDurationDays: null,
    alphaPct: null,
    beta: null,
    maxTradeDurationDays: null,
    avgTradeDurationDays: null,
    trades,
    winRatePct: null,
    bestTradePct: null,
    worstTradePct: null,
    avgTradePct: null,
    profitFactor: null,
    expectancyPct: null,
    sqn: null,
    kelly: null,
  };
}
