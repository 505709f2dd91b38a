import { describe, expect, it } from 'vitest';
import { ceilToPeriodResolution, dataPeriodMs } from './data-period.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('dataPeriodMs', () => {
  it('is the median spacing of the last 100 bars, so old gaps do not count', () => {
    const time = Array.from({ length: 300 }, (_, i) => (i < 150 ? i * DAY : 150 * DAY + (i - 150) * HOUR));
    expect(dataPeriodMs(time)).toBe(HOUR);
  });

  it('averages the two middle spacings when their count is even, and is NaN for one bar', () => {
    expect(dataPeriodMs([0, HOUR, 3 * HOUR])).toBe(1.5 * HOUR);
    expect(dataPeriodMs([0])).toBeNaN();
  });
});

describe('ceilToPeriodResolution', () => {
  it('rounds up to the hour for hourly bars and to the day for daily or weekly ones', () => {
    expect(ceilToPeriodResolution(1.5 * HOUR, HOUR)).toBe(2 * HOUR);
    expect(ceilToPeriodResolution(2 * HOUR, HOUR)).toBe(2 * HOUR);
    expect(ceilToPeriodResolution(1.2 * DAY, 4 * HOUR)).toBe(29 * HOUR);
    expect(ceilToPeriodResolution(1.2 * DAY, DAY)).toBe(2 * DAY);
    expect(ceilToPeriodResolution(8.5 * DAY, 7 * DAY)).toBe(9 * DAY);
  });

  it('uses the finest unit of a mixed spacing (1 day 12 hours → hours, 90 s → seconds)', () => {
    expect(ceilToPeriodResolution(40.5 * HOUR, 36 * HOUR)).toBe(41 * HOUR);
    expect(ceilToPeriodResolution(100_500, 90_000)).toBe(101_000);
  });

  it('leaves a duration alone when the spacing is unknown', () => {
    expect(ceilToPeriodResolution(1.5 * HOUR, Number.NaN)).toBe(1.5 * HOUR);
  });
});
