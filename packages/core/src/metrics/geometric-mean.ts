/**
 * Geometric mean of simple returns (fractions), as backtesting.py's `geometric_mean`:
 * NaN returns count as 0; if any return is ≤ −100 % the mean is 0 (the compounded path hit zero,
 * so no per-period rate describes it); an empty series gives NaN.
 * `scale` divides each value first, so returns in percent can be passed with `scale = 100`.
 */
export function geometricMeanReturn(returns: ArrayLike<number>, scale = 1): number {
  const count = returns.length;
  if (count === 0) return Number.NaN;
  let logSum = 0;
  for (let i = 0; i < count; i++) {
    const value = returns[i] / scale;
    const growth = Number.isNaN(value) ? 1 : 1 + value;
    if (growth <= 0) return 0;
    logSum += Math.log(growth);
  }
  return Math.exp(logSum / count) - 1;
}
