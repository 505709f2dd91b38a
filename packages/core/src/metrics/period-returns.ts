import { dayNumber, dayOfWeek, MS_PER_DAY, monthNumber, weekNumber } from './calendar.js';

/** The calendar bins the equity curve is resampled to (pandas `D`, `W`, `ME`, `YE`). */
export type ResampleBin = 'day' | 'week' | 'month' | 'year';

export interface Annualisation {
  bin: ResampleBin;
  /** Periods per year used to annualise per-period returns. */
  periodsPerYear: number;
}

/**
 * How backtesting.py 0.6 annualises (`compute_stats`): from the whole days of the bar spacing,
 * weekly bars → weekly returns × 52, "monthly" (31-day spacing) → × 12, yearly (365) → × 1;
 * anything else resamples to calendar days and uses 365 days a year when more than 60 % of the
 * weekend share of a full week (2/7 × 0.6) of the bars fall on Saturday or Sunday — markets that
 * trade every day, such as crypto — and 252 trading days otherwise.
 */
export function annualisation(time: ArrayLike<number>, periodMs: number): Annualisation {
  const periodDays = Math.floor(periodMs / MS_PER_DAY);
  if (periodDays === 7) return { bin: 'week', periodsPerYear: 52 };
  if (periodDays === 31) return { bin: 'month', periodsPerYear: 12 };
  if (periodDays === 365) return { bin: 'year', periodsPerYear: 1 };
  return { bin: 'day', periodsPerYear: weekendShare(time) > (2 / 7) * 0.6 ? 365 : 252 };
}

/** Share of the bars whose UTC day is a Saturday or a Sunday. */
export function weekendShare(time: ArrayLike<number>): number {
  let weekendBars = 0;
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  let weekend = false;
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (t < dayStart || t >= dayEnd) {
      const day = dayNumber(t);
      dayStart = day * MS_PER_DAY;
      dayEnd = dayStart + MS_PER_DAY;
      weekend = dayOfWeek(day) >= 5;
    }
    if (weekend) weekendBars++;
  }
  return weekendBars / time.length;
}

function binOfDay(day: number, bin: ResampleBin): number {
  if (bin === 'day') return day;
  if (bin === 'week') return weekNumber(day);
  const month = monthNumber(day);
  return bin === 'month' ? month : Math.floor(month / 12);
}

/** Last non-NaN equity of each calendar bin that has one, in time order (`resample(…).last().dropna()`). */
export function lastEquityPerBin(time: ArrayLike<number>, equity: ArrayLike<number>, bin: ResampleBin): number[] {
  const closes: number[] = [];
  let current = Number.NaN;
  let last = Number.NaN;
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (t < dayStart || t >= dayEnd) {
      const day = dayNumber(t);
      dayStart = day * MS_PER_DAY;
      dayEnd = dayStart + MS_PER_DAY;
      const next = binOfDay(day, bin);
      if (next !== current) {
        if (!Number.isNaN(last)) closes.push(last);
        current = next;
        last = Number.NaN;
      }
    }
    const value = equity[i];
    if (!Number.isNaN(value)) last = value;
  }
  if (!Number.isNaN(last)) closes.push(last);
  return closes;
}

/**
 * Simple returns of the equity curve resampled to calendar bins (UTC), as backtesting.py's
 * `equity.resample(freq).last().dropna().pct_change().dropna()`: one return per bin that has
 * bars, measured from the previous bin that has bars (empty days of a gap are skipped, not zero).
 * 0/0 (NaN) is dropped like `dropna()` drops it; x/0 stays infinite. Bars must be sorted by time.
 */
export function periodReturns(time: ArrayLike<number>, equity: ArrayLike<number>, bin: ResampleBin): Float64Array {
  const closes = lastEquityPerBin(time, equity, bin);
  const returns = new Float64Array(Math.max(0, closes.length - 1));
  let count = 0;
  for (let k = 1; k < closes.length; k++) {
    const r = closes[k] / closes[k - 1] - 1;
    if (!Number.isNaN(r)) returns[count++] = r;
  }
  return count === returns.length ? returns : returns.slice(0, count);
}
