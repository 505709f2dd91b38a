/**
 * Reading one returned key into a typed array of one value per bar, checking every value.
 * Arrays that already have the engine's type are validated and used as they are (no copy).
 */
import { outputError } from './strategy-error.js';

/** The values a numeric key accepts besides NaN, and how a message says so (NaN's meaning included). */
export interface ValueRange {
  accepts(value: number): boolean;
  text: string;
}

/** Python lists, JS arrays and typed arrays (numpy arrays arrive as one of these). */
export function isSeries(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A short description of a bad value for a message, never echoing large data. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (value === null || value === undefined) return 'null';
  if (isSeries(value)) return 'an array';
  return `a ${typeof value}`;
}

function requireSeries(value: unknown, key: string, bars: number, what: string): ArrayLike<unknown> {
  if (!isSeries(value)) {
    throw outputError(`${key} must be an array of ${what}, one per bar; got ${describeValue(value)}`, key);
  }
  if (value.length !== bars) {
    throw outputError(
      `${key} has ${value.length} values but there are ${bars} bars; return one value per bar`,
      key,
      Math.min(value.length, bars),
    );
  }
  return value;
}

const BOOLEAN_TEXT = 'booleans (true/false or 0/1)';

/**
 * Booleans as 0/1 bytes: JS booleans, 0/1 numbers, Uint8Array/Int8Array. A Uint8Array or Int8Array
 * is returned as a byte view without a copy and without a check: `signalFlags` checks its bytes in
 * the pass that builds the flags (an Int8Array −1 shows there as 255).
 */
export function readBooleans(value: unknown, key: string, bars: number): Uint8Array {
  const series = requireSeries(value, key, bars, BOOLEAN_TEXT);
  if (series instanceof Uint8Array) return series;
  if (series instanceof Int8Array) return new Uint8Array(series.buffer, series.byteOffset, bars);
  const out = new Uint8Array(bars);
  for (let i = 0; i < bars; i++) {
    const v = series[i];
    if (v === true || v === 1) out[i] = 1;
    else if (v !== false && v !== 0) throw badBoolean(key, i, v);
  }
  return out;
}

function badBoolean(key: string, bar: number, value: unknown) {
  return outputError(`${key}[${bar}] is ${describeValue(value)}; ${key} must hold ${BOOLEAN_TEXT}`, key, bar);
}

/**
 * Numbers per bar, or one number for every bar when `scalar` allows it (returned as a one-value
 * array: see `valueAt`). `null` and NaN mean "none"; every other value must be in `range`.
 */
export function readNumbers(
  value: unknown,
  key: string,
  bars: number,
  range: ValueRange,
  scalar: boolean,
): Float64Array {
  if (scalar && (typeof value === 'number' || value === null)) {
    const v = value ?? Number.NaN;
    if (!Number.isNaN(v) && !range.accepts(v)) throw outOfRange(key, undefined, v, range);
    return Float64Array.of(v);
  }
  const what = scalar ? 'numbers (or one number)' : 'numbers';
  const series = requireSeries(value, key, bars, what);
  if (series instanceof Float64Array) {
    for (let i = 0; i < bars; i++) {
      const v = series[i];
      if (!Number.isNaN(v) && !range.accepts(v)) throw outOfRange(key, i, v, range);
    }
    return series;
  }
  const out = new Float64Array(bars);
  for (let i = 0; i < bars; i++) {
    const v = series[i];
    if (v === null) out[i] = Number.NaN;
    else if (typeof v !== 'number') {
      throw outputError(`${key}[${i}] is ${describeValue(v)}; ${key} must hold ${what}`, key, i);
    } else if (!Number.isNaN(v) && !range.accepts(v)) throw outOfRange(key, i, v, range);
    else out[i] = v;
  }
  return out;
}

function outOfRange(key: string, bar: number | undefined, value: number, range: ValueRange) {
  const where = bar === undefined ? key : `${key}[${bar}]`;
  return outputError(`${where} is ${value}; it must be ${range.text}`, key, bar);
}
