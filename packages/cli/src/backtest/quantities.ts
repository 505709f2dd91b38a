/** Flag values with units: `--timeout 10s`, `--memory 256mb`, plain numbers and whole numbers. */
import { StratexError } from '@stratex/core';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function invalid(flag: string, value: string, expected: string): StratexError {
  return new StratexError('INVALID_REQUEST', `--${flag} must be ${expected}; got "${value}"`, { flag: `--${flag}` });
}

/** A plain decimal number (no hex, no Infinity, no empty string). */
export function parseNumber(flag: string, value: string): number {
  if (!DECIMAL.test(value.trim())) throw invalid(flag, value, 'a number');
  return Number(value);
}

/** A whole number ≥ 0. */
export function parseCount(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) {
    throw invalid(flag, value, 'a whole number ≥ 0');
  }
  return Number(value);
}

const TIME_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** `10s`, `500ms`, `2m`, or a number of seconds, in ms. */
export function parseDuration(flag: string, value: string): number {
  const match = /^(\d+\.?\d*|\.\d+)\s*(ms|s|m)?$/i.exec(value.trim());
  if (match === null) throw invalid(flag, value, 'a duration such as 10s, 500ms or 2m');
  return Number(match[1]) * TIME_UNITS[(match[2] ?? 's').toLowerCase()];
}

const SIZE_UNITS: Record<string, number> = { mb: 1, m: 1, gb: 1024, g: 1024 };

/** `256mb`, `1gb`, or a number of MB, in MB. */
export function parseMegabytes(flag: string, value: string): number {
  const match = /^(\d+\.?\d*|\.\d+)\s*(mb|m|gb|g)?$/i.exec(value.trim());
  if (match === null) throw invalid(flag, value, 'a size such as 256mb or 1gb');
  return Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'mb').toLowerCase()]);
}
