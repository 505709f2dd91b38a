/** Input handling shared by every indicator: typed views of inputs, parameter checks, NaN runs. */

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

/** A new output of `n` entries, all NaN (the warm-up value). */
export function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(Number.NaN);
}

/**
 * Calls `run(start, end)` for each maximal run [start, end) of bars where every input is finite.
 * CONTRACT.md section 7: leading NaNs are skipped and an interior NaN restarts the warm-up, which is
 * exactly "compute each finite run on its own". Without NaNs this is one call over the whole input.
 */
export function forEachFiniteRun(inputs: readonly Float64Array[], run: (start: number, end: number) => void): void {
  const n = inputs[0].length;
  const single = inputs.length === 1 ? inputs[0] : null;
  let start = -1;
  for (let i = 0; i < n; i++) {
    // v - v is 0 exactly when v is finite (NaN and ±Infinity give NaN); the one-input case is the
    // common one and skips the inner loop, which is most of the scan's cost.
    const finite = single !== null ? single[i] - single[i] === 0 : allFiniteAt(inputs, i);
    if (finite) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      run(start, i);
      start = -1;
    }
  }
  if (start >= 0) run(start, n);
}

function allFiniteAt(inputs: readonly Float64Array[], i: number): boolean {
  for (let k = 0; k < inputs.length; k++) {
    const v = inputs[k][i];
    if (v - v !== 0) return false;
  }
  return true;
}
