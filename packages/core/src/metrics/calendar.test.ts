import { describe, expect, it } from 'vitest';
import { dayNumber, dayOfWeek, MS_PER_DAY, monthNumber, weekNumber } from './calendar.js';

describe('calendar arithmetic on UTC days', () => {
  it('gives the month and year Date gives, before and after 1970 and across leap days', () => {
    for (let day = -200_000; day <= 200_000; day += 101) {
      const date = new Date(day * MS_PER_DAY);
      expect(monthNumber(day)).toBe((date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth());
    }
    expect(monthNumber(dayNumber(Date.UTC(2024, 1, 29)))).toBe((2024 - 1970) * 12 + 1);
    expect(monthNumber(dayNumber(Date.UTC(2024, 2, 1)))).toBe((2024 - 1970) * 12 + 2);
  });

  it('numbers weekdays from Monday = 0, as pandas does', () => {
    for (let day = -1000; day <= 1000; day++) {
      const sundayFirst = new Date(day * MS_PER_DAY).getUTCDay();
      expect(dayOfWeek(day)).toBe((sundayFirst + 6) % 7);
    }
  });

  it('puts Monday to Sunday in one week and the next Monday in the next', () => {
    const monday = dayNumber(Date.UTC(2024, 0, 1));
    expect(weekNumber(monday + 6)).toBe(weekNumber(monday));
    expect(weekNumber(monday + 7)).toBe(weekNumber(monday) + 1);
    expect(weekNumber(monday - 1)).toBe(weekNumber(monday) - 1);
  });

  it('floors times before 1970 to their day', () => {
    expect(dayNumber(-1)).toBe(-1);
    expect(dayNumber(Date.UTC(1969, 11, 31, 23))).toBe(-1);
  });
});
