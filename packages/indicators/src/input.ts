/** Input handling shared by every indicator: typed views of inputs, parameter checks, NaN runs. */
import { outputMemory } from './output-memory.js';

export type Values = ArrayLike<number>;

/** The input as a Float64Array: the same object when it already is one, else one copy. */
export function asFloat64(values: Values): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

/** A period must be a positive integer: anything else is the caller's mistake, said plainly. */
export function checkPeriod(fn: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${fn}: ${name} must be a positive integer, got ${String(value)}`);
  }
}

/** A positive finite number (multipliers, accelerations). */
export function checkPositive(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${fn}: ${name} must be a positive number, got ${String(value)}`);
  }
}

/** All inputs of one call must have the same length. */
export function checkSameLength(fn: string, ...inputs: Values[]): number {
  const n = inputs[0].length;
  for (const input of inputs) {
    if (input.length !== n) throw new RangeError(`${fn}: inputs must have the same length (${n} vs ${input.length})`);
  }
  return n;
}

/**
 * `count` zeroed output columns of `n` values, views of ONE buffer. One allocation instead of `count`
 * matters at 1M bars: freeing three separate 8 MB outputs at once crosses glibc's trim threshold, so
 * every call of a multi-output indicator got fresh pages from the kernel and spent more time in page
 * faults than in its loop (bollinger: 16 of 25 ns/bar). The views never overlap; keeping one of them
 * alive keeps the whole buffer alive, which is the price. The memory is NOT zeroed (output-memory.ts):
 * the kernel must write every entry.
 */
export function outputColumns(n: number, count: number): Float64Array[] {
  const buffer = outputMemory.allocate(n * count * Float64Array.BYTES_PER_ELEMENT);
  const columns: Float64Array[] = [];
  for (let c = 0; c < count; c++) columns.push(new Float64Array(buffer, c * n * Float64Array.BYTES_PER_ELEMENT, n));
  return columns;
}

/** One output column of `n` values, not zeroed: the kernel must write every entry (output-memory.ts). */
export function outputColumn(n: number): Float64Array {
  return new Float64Array(outputMemory.allocate(n * Float64Array.BYTES_PER_ELEMENT));
}
