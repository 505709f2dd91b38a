import { describe, expect, it } from 'vitest';
import { periodReturns, periodsPerYear, resampleBin, resampleEquity } from './period-returns.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2024, 0, 1);

function hourly(days: number[]): number[] {
  return days.flatMap((d) => Array.from({ length: 24 }, (_, h) => MONDAY + d * DAY + h * HOUR));
}

function weekendShareOf(time: number[]): number {
  return resampleEquity(time, new Float64Array(time.length), 'day').weekendShare;
}

describe('annualisation', () => {
  it('uses 365 days a year for markets open at weekends (crypto) and 252 otherwise', () => {
    const everyDay = hourly([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const weekdays = hourly([0, 1, 2, 3, 4, 7, 8, 9, 10, 11]);
    expect(weekendShareOf(everyDay)).toBeCloseTo(2 / 7, 15);
    expect(periodsPerYear('day', weekendShareOf(everyDay))).toBe(365);
    expect(periodsPerYear('day', weekendShareOf(weekdays))).toBe(252);
  });

  it('counts weekends as present above 60 % of their share of a full week', () => {
    // 1 weekend day in 6: 16.7 % ≤ 2/7 × 0.6 = 17.1 %; 1 in 5: 20 % > 17.1 %.
    expect(weekendShareOf(hourly([0, 1, 2, 3, 4, 5]))).toBeCloseTo(1 / 6, 15);
    expect(periodsPerYear('day', weekendShareOf(hourly([0, 1, 2, 3, 4, 5])))).toBe(252);
    expect(periodsPerYear('day', weekendShareOf(hourly([1, 2, 3, 4, 5])))).toBe(365);
  });

  it('resamples weekly, monthly and yearly bars to their own period, by whole days of spacing', () => {
    expect([resampleBin(7 * DAY), periodsPerYear('week', 0)]).toEqual(['week', 52]);
    expect([resampleBin(31 * DAY), periodsPerYear('month', 0)]).toEqual(['month', 12]);
    expect([resampleBin(365 * DAY), periodsPerYear('year', 0)]).toEqual(['year', 1]);
    expect(resampleBin(7.5 * DAY)).toBe('week');
    expect(resampleBin(30 * DAY)).toBe('day');
    expect(resampleBin(HOUR)).toBe('day');
    expect(resampleBin(Number.NaN)).toBe('day');
  });
});

describe('resampleEquity and periodReturns', () => {
  it('take the last equity of each UTC day and skip days without bars', () => {
    const time = [MONDAY + 1 * HOUR, MONDAY + 23 * HOUR, MONDAY + DAY, MONDAY + 4 * DAY + 5 * HOUR];
    const { lastPerBin } = resampleEquity(time, [100, 110, 121, 133.1], 'day');
    expect(lastPerBin).toEqual([110, 121, 133.1]);
    expect(Array.from(periodReturns(lastPerBin))).toEqual([121 / 110 - 1, 133.1 / 121 - 1]);
  });

  it('end weeks on Sunday, months and years on their last day', () => {
    const sunday = MONDAY + 6 * DAY;
    const time = [sunday, sunday + DAY, Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 1), Date.UTC(2025, 0, 1)];
    const equity = [1, 2, 3, 4, 5];
    // Sun 7 Jan | Mon 8 Jan | Wed 31 Jan and Thu 1 Feb | 1 Jan 2025.
    expect(resampleEquity(time, equity, 'week').lastPerBin).toEqual([1, 2, 4, 5]);
    expect(resampleEquity(time, equity, 'month').lastPerBin).toEqual([3, 4, 5]);
    expect(resampleEquity(time, equity, 'year').lastPerBin).toEqual([4, 5]);
  });

  it('take the last value that is not NaN, and leave out a bin with none', () => {
    const time = [MONDAY, MONDAY + HOUR, MONDAY + DAY, MONDAY + 2 * DAY];
    expect(resampleEquity(time, [1, Number.NaN, Number.NaN, 3], 'day').lastPerBin).toEqual([1, 3]);
  });

  it('drop 0/0 like pandas dropna and keep x/0 infinite', () => {
    expect(Array.from(periodReturns([1, 0, 0, 2]))).toEqual([-1, Number.POSITIVE_INFINITY]);
  });

  it('give no returns when every bar is in one day', () => {
    const { lastPerBin } = resampleEquity([MONDAY, MONDAY + HOUR], [1, 2], 'day');
    expect(periodReturns(lastPerBin).length).toBe(0);
  });
});
