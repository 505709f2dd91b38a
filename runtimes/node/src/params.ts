/**
 * Resolves a job's parameters against the strategy's `export const params = {...}` defaults
 * (CONTRACT.md section 1 and the CLI's `--param k=v`): every override must name a default, and takes
 * the default's type — "10" becomes 10 when the default is a number, "true" a boolean, a JSON text
 * an array or object. Anything else is an INVALID_REQUEST that names the parameter.
 */
import { fail } from './job-failure.js';

/** The defaults merged with the typed overrides. */
export function resolveParams(defaults: unknown, overrides: Record<string, unknown>): Record<string, unknown> {
  const base = isPlainObject(defaults) ? defaults : {};
  const known = Object.keys(base);
  const resolved: Record<string, unknown> = {};
  for (const key of known) define(resolved, key, base[key]);
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(base, key)) unknownParam(key, known);
    define(resolved, key, coerce(key, base[key], value));
  }
  return resolved;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function unknownParam(key: string, known: string[]): never {
  const list = known.length === 0 ? 'it declares none (export const params = { … })' : `known: ${known.join(', ')}`;
  fail('INVALID_REQUEST', `Unknown parameter "${key}": the strategy's parameters are ${list}`, {
    param: key,
    known,
  });
}

function invalid(key: string, expected: string, value: unknown): never {
  const shown = typeof value === 'string' ? `"${value.slice(0, 100)}"` : describe(value);
  fail('INVALID_REQUEST', `Parameter "${key}" must be ${expected}, got ${shown}`, { param: key, expected });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : String(value);
}

function coerce(key: string, fallback: unknown, value: unknown): unknown {
  switch (typeof fallback) {
    case 'number':
      return toNumber(key, value);
    case 'boolean':
      return toBoolean(key, value);
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return invalid(key, 'a string', value);
    case 'object':
      return fallback === null ? value : toStructure(key, fallback, value);
    default:
      return value;
  }
}

function toNumber(key: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return invalid(key, 'a finite number', value);
  return number;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

function toBoolean(key: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return invalid(key, 'true or false', value);
}

/** Arrays and objects: a JSON text is parsed; the result must be the same kind as the default. */
function toStructure(key: string, fallback: object, value: unknown): unknown {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return invalid(key, Array.isArray(fallback) ? 'a JSON array' : 'a JSON object', value);
    }
  }
  if (Array.isArray(fallback)) {
    if (!Array.isArray(parsed)) return invalid(key, 'an array', value);
  } else if (!isPlainObject(parsed)) {
    return invalid(key, 'an object', value);
  }
  return parsed;
}
