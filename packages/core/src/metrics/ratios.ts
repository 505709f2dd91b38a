/**
 * Risk-adjusted ratios of backtesting.py 0.6, risk-free rate 0. They mix its compounded annual
 * return with its own risk measures, so they differ from empyrical's arithmetic-mean versions.
 */

/** Sharpe ratio: annualised return / annualised volatility (both compounded, see annualised-returns). */
export function sharpeRatio(returnAnnPct: number, volatilityAnnPct: number): number {
  return returnAnnPct / (volatilityAnnPct || Number.NaN);
}

/** Sortino ratio: annualised return / annualised downside deviation of the period returns against 0. */
export function sortinoRatio(returnAnn: number, downsideDeviationAnn: number): number {
  return returnAnn / downsideDeviationAnn;
}

/** Calmar ratio: annualised return / maximum drawdown (a fraction of the peak); NaN without drawdown. */
export function calmarRatio(returnAnn: number, maxDrawdown: number): number {
  return returnAnn / (maxDrawdown || Number.NaN);
}
