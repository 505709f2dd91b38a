import { geometricMeanReturn } from './geometric-mean.js';
import { keepShape } from './keep-shape.js';

/** Per-period returns turned into yearly figures, as backtesting.py 0.6 does (fractions, not %). */
export interface AnnualisedReturns {
  /** Geometric mean return per period. */
  meanPeriodReturn: number;
  /** (1 + geometric mean)^periodsPerYear − 1: compounded, matches `empyrical.annual_return`. */
  returnAnn: number;
  /**
   * √((σ² + (1 + g)²)^N − (1 + g)^(2N)) with σ² the sample variance (ddof 1) of the per-period
   * returns, g their geometric mean and N the periods per year: the standard deviation of a
   * year's compounded return if periods are independent (https://dx.doi.org/10.2139/ssrn.3054517),
   * not the simpler σ·√N.
   */
  volatilityAnn: number;
  /** √(mean of min(r, 0)²) · √N over all periods: the downside deviation against 0 of Sortino. */
  downsideDeviationAnn: number;
}

export function annualiseReturns(returns: Float64Array, periodsPerYear: number): AnnualisedReturns {
  const g = geometricMeanReturn(returns);
  const growth = 1 + g;
  const variance = sampleVariance(returns);
  const volatilityAnn = Math.sqrt((variance + growth ** 2) ** periodsPerYear - growth ** (2 * periodsPerYear));
  return keepShape('annualiseReturns', {
    meanPeriodReturn: g,
    returnAnn: growth ** periodsPerYear - 1,
    volatilityAnn,
    downsideDeviationAnn: Math.sqrt(meanSquaredLoss(returns)) * Math.sqrt(periodsPerYear),
  });
}

/** Sample variance (ddof 1), two-pass like pandas' `var`; NaN for fewer than two values. */
export function sampleVariance(values: Float64Array): number {
  const count = values.length;
  if (count < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i];
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (mean - values[i]) ** 2;
  return squares / (count - 1);
}

function meanSquaredLoss(returns: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < returns.length; i++) if (returns[i] < 0) sum += returns[i] ** 2;
  return sum / returns.length;
}
