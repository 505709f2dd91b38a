import { StratexError } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { alignUp, formatTimeframe, parseTimeframe } from './timeframe.js';

describe('parseTimeframe', () => {
  it('reads the usual exchange timeframes as bar lengths in ms', () => {
    expect(parseTimeframe('1m')).toBe(60_000);
    expect(parseTimeframe('5m')).toBe(300_000);
    expect(parseTimeframe('15m')).toBe(900_000);
    expect(parseTimeframe('30m')).toBe(1_800_000);
    expect(parseTimeframe('1h')).toBe(3_600_000);
    expect(parseTimeframe('4h')).toBe(14_400_000);
    expect(parseTimeframe('1d')).toBe(86_400_000);
    expect(parseTimeframe('1w')).toBe(604_800_000);
  });

  it('rejects months, zero, missing units and junk with INVALID_REQUEST', () => {
    for (const bad of ['1M', '0h', 'h', '60', '1 h', '1hour', '', '-1h']) {
      const thrown = (() => {
        try {
          parseTimeframe(bad);
        } catch (err) {
          return err;
        }
      })();
      expect(thrown, bad).toBeInstanceOf(StratexError);
      expect((thrown as StratexError).code).toBe('INVALID_REQUEST');
    }
  });
});

describe('formatTimeframe', () => {
  it('writes a bar length in its largest whole unit', () => {
    expect(formatTimeframe(3_600_000)).toBe('1h');
    expect(formatTimeframe(5_400_000)).toBe('90m');
    expect(formatTimeframe(86_400_000)).toBe('1d');
    expect(formatTimeframe(1_500)).toBe('1500ms');
  });
});

describe('alignUp', () => {
  it('rounds up to the next bar open on the timeframe grid', () => {
    expect(alignUp(Date.UTC(2022, 0, 1, 0, 30), 3_600_000)).toBe(Date.UTC(2022, 0, 1, 1));
    expect(alignUp(Date.UTC(2022, 0, 1), 3_600_000)).toBe(Date.UTC(2022, 0, 1));
  });

  it('starts weekly bars on Mondays', () => {
    const monday = alignUp(Date.UTC(2022, 0, 1), 604_800_000);
    expect(new Date(monday).getUTCDay()).toBe(1);
    expect(monday).toBe(Date.UTC(2022, 0, 3));
  });
});
