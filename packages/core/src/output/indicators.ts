/**
 * The `indicators` key: name → series, passed through to the result for charts. Multi-output
 * indicators (`bollinger` → {upper, middle, lower}) may be given whole; they are flattened to
 * `name.upper`, `name.middle`, … so every chart series is one flat array.
 */
import { describeValue, isSeries } from './series.js';
import { outputError } from './strategy-error.js';

/** Reads the indicators object: every series one number per bar (null/NaN where undefined). */
export function readIndicators(value: unknown, key: string, bars: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  if (!isPlainObject(value)) {
    throw outputError(`${key} must be an object (dict) of name → array; got ${describeValue(value)}`, key);
  }
  for (const [name, series] of Object.entries(value)) {
    if (isPlainObject(series)) {
      for (const [part, inner] of Object.entries(series))
        out[`${name}.${part}`] = readSeries(inner, `${key}.${name}.${part}`, bars);
    } else {
      out[name] = readSeries(series, `${key}.${name}`, bars);
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !isSeries(value);
}

function readSeries(value: unknown, key: string, bars: number): Float64Array {
  if (!isSeries(value)) throw outputError(`${key} must be an array of numbers; got ${describeValue(value)}`, key);
  if (value.length !== bars) {
    throw outputError(
      `${key} has ${value.length} values but there are ${bars} bars`,
      key,
      Math.min(value.length, bars),
    );
  }
  if (value instanceof Float64Array && value.every((v) => Number.isNaN(v) || Number.isFinite(v))) return value;
  const out = new Float64Array(bars);
  for (let i = 0; i < bars; i++) {
    const v = value[i];
    // ±Infinity (a division by zero) has no JSON form: it is charted as undefined, like NaN.
    if (typeof v === 'number') out[i] = Number.isFinite(v) ? v : Number.NaN;
    else if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else if (v === null) out[i] = Number.NaN;
    else throw outputError(`${key}[${i}] is ${describeValue(v)}; indicators must hold numbers`, key, i);
  }
  return out;
}
