/** Calendar arithmetic on ms UTC timestamps, without Date objects (one call per bar is too many). */

export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) of a timestamp in ms. */
export function dayNumber(timeMs: number): number {
  return Math.floor(timeMs / MS_PER_DAY);
}

/** Day of the week of a day number, Monday = 0 … Sunday = 6 (pandas' `dayofweek`). */
export function dayOfWeek(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Index of the Monday-to-Sunday week holding a day (pandas' `W` = `W-SUN` bins end on Sunday). */
export function weekNumber(day: number): number {
  return Math.floor((day + 3) / 7);
}

/**
 * Months since 1970-01 of a day number (pandas' `ME` bins), from H. Hinnant's `civil_from_days`.
 * The year of a day is `Math.floor(monthNumber(day) / 12) + 1970`.
 */
export function monthNumber(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9; // 1..12
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return (year - 1970) * 12 + (month - 1);
}
