import { describe, expect, it } from 'vitest';
import { StratexError } from '../errors.js';
import { parseInstant } from './instant.js';

describe('parseInstant', () => {
  it('reads dates and date-times as UTC unless they carry an offset', () => {
    expect(parseInstant('2022-01-01', 'startDate')).toBe(Date.UTC(2022, 0, 1));
    expect(parseInstant('2022-01-01T12:30', 'startDate')).toBe(Date.UTC(2022, 0, 1, 12, 30));
    expect(parseInstant('2022-01-01T12:30:15.5Z', 'startDate')).toBe(Date.UTC(2022, 0, 1, 12, 30, 15, 500));
    expect(parseInstant('2022-01-01T12:00+02:00', 'startDate')).toBe(Date.UTC(2022, 0, 1, 10));
    expect(parseInstant('2022-01-01T12:00-0130', 'startDate')).toBe(Date.UTC(2022, 0, 1, 13, 30));
    expect(parseInstant(1640995200000, 'startDate')).toBe(1640995200000);
  });

  it('rejects anything else with INVALID_REQUEST naming the field', () => {
    for (const bad of [
      '2022-13-01',
      '2022-02-30',
      '01/02/2022',
      'yesterday',
      '',
      '2022-01-01T25:00',
      null,
      Number.NaN,
    ]) {
      let thrown: unknown;
      try {
        parseInstant(bad, 'endDate');
      } catch (err) {
        thrown = err;
      }
      expect(thrown, String(bad)).toBeInstanceOf(StratexError);
      expect((thrown as StratexError).code).toBe('INVALID_REQUEST');
      expect((thrown as StratexError).message).toMatch(/^endDate /);
    }
  });
});
