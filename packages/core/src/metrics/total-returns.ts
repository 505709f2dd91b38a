import { MS_PER_DAY } from './calendar.js';

/** Return over the whole run in %: (last equity − first equity) / first equity × 100. */
export function totalReturnPct(equity: ArrayLike<number>): number {
  const first = equity[0];
  return ((equity[equity.length - 1] - first) / first) * 100;
}

/**
 * Buy & hold return in %, long only, from the close of the first counted bar to the last close.
 * (backtesting.py starts at the first bar where all of the strategy's indicators are defined; in
 * stratex the warm-up bars are not counted bars, so the first counted bar is that bar.)
 */
export function buyHoldReturnPct(close: ArrayLike<number>): number {
  const first = close[0];
  return ((close[close.length - 1] - first) / first) * 100;
}

/**
 * Compound annual growth rate in %: (final / initial equity)^(1 / years) − 1, with years the
 * run's duration over 365.25 days. As backtesting.py, the duration counts whole seconds only
 * (`Timedelta.days + Timedelta.seconds / 86400`), and a zero-length run gives NaN.
 */
export function cagrPct(equity: ArrayLike<number>, durationMs: number): number {
  const days = Math.floor(durationMs / MS_PER_DAY);
  const seconds = Math.floor((durationMs - days * MS_PER_DAY) / 1000);
  const years = (days + seconds / 86_400) / 365.25;
  if (years === 0) return Number.NaN;
  return ((equity[equity.length - 1] / equity[0]) ** (1 / years) - 1) * 100;
}
