import { dayNumber, dayOfWeek, MS_PER_DAY, monthNumber, weekNumber } from './calendar.js';
import { keepShape } from './keep-shape.js';

/** The calendar bins the equity curve is resampled to (pandas `D`, `W`, `ME`, `YE`). */
export type ResampleBin = 'day' | 'week' | 'month' | 'year';

/**
 * backtesting.py 0.6 resamples by the whole days of the bar spacing: weekly bars (7) to weeks,
 * "monthly" bars (31) to calendar months, yearly bars (365) to years, anything else to days.
 */
export function resampleBin(periodMs: number): ResampleBin {
  const periodDays = Math.floor(periodMs / MS_PER_DAY);
  if (periodDays === 7) return 'week';
  if (periodDays === 31) return 'month';
  if (periodDays === 365) return 'year';
  return 'day';
}

/**
 * Periods per year used to annualise, as backtesting.py 0.6: 52 weeks, 12 months, 1 year; for
 * days, 365 when more than 60 % of a full week's weekend share (2/7 × 0.6) of the bars fall on a
 * Saturday or Sunday — markets that trade every day, such as crypto — and 252 trading days otherwise.
 */
export function periodsPerYear(bin: ResampleBin, weekendShare: number): number {
  if (bin === 'week') return 52;
  if (bin === 'month') return 12;
  if (bin === 'year') return 1;
  return weekendShare > (2 / 7) * 0.6 ? 365 : 252;
}

function binOfDay(day: number, bin: ResampleBin): number {
  if (bin === 'day') return day;
  if (bin === 'week') return weekNumber(day);
  const month = monthNumber(day);
  return bin === 'month' ? month : Math.floor(month / 12);
}

export interface ResampledEquity {
  /** Last non-NaN equity of each calendar bin that has one, in time order. */
  lastPerBin: number[];
  /** Share of the bars whose UTC day is a Saturday or a Sunday. */
  weekendShare: number;
}

/**
 * `equity.resample(bin).last().dropna()` on the UTC calendar, and the weekend share of the bars,
 * in one pass over the timestamps: a bar is only compared with the bounds of the current day, and
 * equity is read only where a bin ends. Bars must be sorted by time.
 */
export function resampleEquity(time: ArrayLike<number>, equity: ArrayLike<number>, bin: ResampleBin): ResampledEquity {
  const lastPerBin: number[] = [];
  let weekendBars = 0;
  let weekend = false;
  let dayFirst = 0;
  let binFirst = 0;
  let currentBin = Number.NaN;
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (t >= dayStart && t < dayEnd) continue;
    if (weekend) weekendBars += i - dayFirst;
    const day = dayNumber(t);
    dayStart = day * MS_PER_DAY;
    dayEnd = dayStart + MS_PER_DAY;
    dayFirst = i;
    weekend = dayOfWeek(day) >= 5;
    const nextBin = binOfDay(day, bin);
    if (nextBin !== currentBin) {
      pushLastValue(lastPerBin, equity, binFirst, i);
      currentBin = nextBin;
      binFirst = i;
    }
  }
  if (weekend) weekendBars += time.length - dayFirst;
  pushLastValue(lastPerBin, equity, binFirst, time.length);
  return keepShape('resampleEquity', { lastPerBin, weekendShare: weekendBars / time.length });
}

/** Appends the last non-NaN value of values[from..to), if any (pandas' `last()` skips NaN). */
function pushLastValue(out: number[], values: ArrayLike<number>, from: number, to: number): void {
  for (let i = to - 1; i >= from; i--) {
    if (!Number.isNaN(values[i])) {
      out.push(values[i]);
      return;
    }
  }
}

/**
 * Simple returns between consecutive bins, as `pct_change().dropna()`: a bin after days without
 * bars is measured from the last bin that had bars (a gap is skipped, not a zero return).
 * 0/0 (NaN) is dropped like `dropna()` drops it; x/0 stays infinite.
 */
export function periodReturns(lastPerBin: readonly number[]): Float64Array {
  const returns = new Float64Array(Math.max(0, lastPerBin.length - 1));
  let count = 0;
  for (let k = 1; k < lastPerBin.length; k++) {
    const r = lastPerBin[k] / lastPerBin[k - 1] - 1;
    if (!Number.isNaN(r)) returns[count++] = r;
  }
  return count === returns.length ? returns : returns.slice(0, count);
}
