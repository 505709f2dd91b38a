import { describe, expect, it } from 'vitest';
import { annualisation, lastEquityPerBin, periodReturns, weekendShare } from './period-returns.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2024, 0, 1);

function hourly(days: number[]): number[] {
  return days.flatMap((d) => Array.from({ length: 24 }, (_, h) => MONDAY + d * DAY + h * HOUR));
}

describe('annualisation', () => {
  it('uses 365 days a year for markets open at weekends (crypto) and 252 otherwise', () => {
    const everyDay = hourly([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const weekdays = hourly([0, 1, 2, 3, 4, 7, 8, 9, 10, 11]);
    expect(annualisation(everyDay, HOUR)).toEqual({ bin: 'day', periodsPerYear: 365 });
    expect(annualisation(weekdays, HOUR)).toEqual({ bin: 'day', periodsPerYear: 252 });
  });

  it('counts weekends as present above 60 % of their share of a full week', () => {
    // 1 weekend day in 6: 16.7 % ≤ 2/7 × 0.6 = 17.1 %; 1 in 5: 20 % > 17.1 %.
    expect(weekendShare(hourly([0, 1, 2, 3, 4, 5]))).toBeCloseTo(1 / 6, 15);
    expect(annualisation(hourly([0, 1, 2, 3, 4, 5]), HOUR).periodsPerYear).toBe(252);
    expect(annualisation(hourly([1, 2, 3, 4, 5]), HOUR).periodsPerYear).toBe(365);
  });

  it('resamples weekly, monthly and yearly bars to their own period', () => {
    expect(annualisation([], 7 * DAY)).toEqual({ bin: 'week', periodsPerYear: 52 });
    expect(annualisation([], 31 * DAY)).toEqual({ bin: 'month', periodsPerYear: 12 });
    expect(annualisation([], 365 * DAY)).toEqual({ bin: 'year', periodsPerYear: 1 });
    // Other whole-day spacings (backtesting.py reads only the whole days) stay daily.
    expect(annualisation(hourly([0]), 30 * DAY).bin).toBe('day');
    expect(annualisation(hourly([0]), 7.5 * DAY).bin).toBe('week');
  });
});

describe('periodReturns', () => {
  it('takes the last equity of each UTC day and skips days without bars', () => {
    const time = [MONDAY + 1 * HOUR, MONDAY + 23 * HOUR, MONDAY + DAY, MONDAY + 4 * DAY + 5 * HOUR];
    const equity = [100, 110, 121, 133.1];
    expect(lastEquityPerBin(time, equity, 'day')).toEqual([110, 121, 133.1]);
    expect(Array.from(periodReturns(time, equity, 'day'))).toEqual([121 / 110 - 1, 133.1 / 121 - 1]);
  });

  it('ends weeks on Sunday, months and years on their last day', () => {
    const sunday = MONDAY + 6 * DAY;
    const time = [sunday, sunday + DAY, Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 1), Date.UTC(2025, 0, 1)];
    const equity = [1, 2, 3, 4, 5];
    // Sun 7 Jan | Mon 8 Jan | Wed 31 Jan and Thu 1 Feb | 1 Jan 2025.
    expect(lastEquityPerBin(time, equity, 'week')).toEqual([1, 2, 4, 5]);
    expect(lastEquityPerBin(time, equity, 'month')).toEqual([3, 4, 5]);
    expect(lastEquityPerBin(time, equity, 'year')).toEqual([4, 5]);
  });

  it('drops 0/0 like pandas dropna and keeps x/0 infinite', () => {
    const time = [MONDAY, MONDAY + DAY, MONDAY + 2 * DAY, MONDAY + 3 * DAY];
    expect(Array.from(periodReturns(time, [1, 0, 0, 2], 'day'))).toEqual([-1, Number.POSITIVE_INFINITY]);
  });

  it('is empty when every bar is in one day', () => {
    expect(periodReturns([MONDAY, MONDAY + HOUR], [1, 2], 'day').length).toBe(0);
  });
});
