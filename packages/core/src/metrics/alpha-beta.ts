import { logRatio } from './log-ratio.js';

/**
 * Beta of the strategy against buy & hold, as backtesting.py 0.6: cov(e, m) / var(m) of the
 * bar-to-bar log returns of equity (e) and of the close (m), over all counted bars. NaN with fewer
 * than two returns, when the market never moves, or when equity reaches 0 or below (its log return
 * is undefined there).
 * The co-moments are summed in one pass (Σe, Σm, Σem, Σm²) instead of numpy's centre-then-multiply:
 * bar returns have means orders of magnitude below their spread, so both agree far inside 1e-9.
 */
export function betaToMarket(equity: ArrayLike<number>, close: ArrayLike<number>): number {
  const count = Math.min(equity.length, close.length) - 1;
  if (count < 2) return Number.NaN;
  let sumE = 0;
  let sumM = 0;
  let sumEM = 0;
  let sumMM = 0;
  let prevClose = close[0];
  let prevEquity = equity[0];
  for (let i = 1; i <= count; i++) {
    const price = close[i];
    const value = equity[i];
    const m = logRatio(price, prevClose);
    sumM += m;
    sumMM += m * m;
    // Flat equity (no position) is the common case: its log return is exactly 0.
    if (value !== prevEquity || !(value > 0)) {
      const e = logRatio(value, prevEquity);
      sumE += e;
      sumEM += e * m;
    }
    prevClose = price;
    prevEquity = value;
  }
  const covariance = sumEM - (sumE * sumM) / count;
  const marketVariance = sumMM - (sumM * sumM) / count;
  return covariance / marketVariance;
}

/**
 * Jensen's alpha in percent with a risk-free rate of 0, as backtesting.py 0.6: the strategy's
 * total return minus beta times the buy & hold return (both in %). With a negative beta and a
 * large buy & hold return it can be strongly positive.
 */
export function alphaPct(returnPct: number, beta: number, buyHoldReturnPct: number): number {
  return returnPct - beta * buyHoldReturnPct;
}
