/** Dates of a request (CONTRACT.md section 6): ISO 8601 dates or date-times, UTC unless an offset is given. */
import { StratexError } from '../errors.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Ms since the epoch for `2022-01-01`, `2022-01-01T12:00`, `2022-01-01T12:00:00Z`, `…+02:00`, or a
 * number of ms. A date-time without an offset is UTC (JavaScript alone would read it as local time).
 */
export function parseInstant(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const match = typeof value === 'string' ? ISO.exec(value.trim()) : null;
  const time = match === null || !isCalendarDay(match) ? Number.NaN : Date.parse(withOffset(match));
  if (Number.isNaN(time)) {
    throw new StratexError(
      'INVALID_REQUEST',
      `${field} ${JSON.stringify(value)} is not a date: use ISO 8601, such as 2022-01-01 or 2022-01-01T12:00Z`,
      { field },
    );
  }
  return time;
}

/** Date.parse rolls 2022-02-30 over into March; a date that does not exist is an error here. */
function isCalendarDay(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && month >= 1 && month <= 12;
}

function withOffset(match: RegExpExecArray): string {
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0', offset = 'Z'] = match;
  const ms = fraction.padEnd(3, '0').slice(0, 3);
  const zone = offset === 'Z' || offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}${zone}`;
}
