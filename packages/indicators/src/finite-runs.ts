/**
 * Walking the finite runs of an indicator's inputs (CONTRACT.md section 7: leading NaNs are skipped,
 * an interior NaN or ±Infinity restarts the warm-up, so each maximal run of bars where every input is
 * finite is computed on its own).
 *
 * Every indicator has the same loop:
 *
 *     let start = startOfRun(inputs, outputs, 0, span);
 *     while (start < n) start = startOfRun(inputs, outputs, kernelRun(…, start, …), span);
 *
 * startOfRun finds a run whose first `span` bars (the kernel's warm-up and its first value) are all
 * finite. The kernel computes from there, checking each later bar as it reads it, and returns the first
 * bar where an input is not finite (or n), having written every output entry before it (NaN during its
 * warm-up). So the inputs are read once, in the kernel's own loop: a separate scan pass cost 1.5 ns/bar
 * for one input and about 7 ns/bar for three, more than some whole kernels. Kernels are named top-level
 * functions taking everything as arguments: a hot loop inside a closure handed to a shared helper ran
 * 2-4× slower once the helper had seen many callers, as in a process computing many indicators.
 */

/**
 * The first bar `start` at or after `from` where every input is finite on [start, start + span), or n when
 * no run that long remains; every output is set to NaN on [from, start) (gaps, and runs too short to give
 * a value). Gaps are short in practice, so this loop is not the hot one. `span` must be at least 1.
 */
export function startOfRun(
  inputs: readonly Float64Array[],
  outputs: readonly Float64Array[],
  from: number,
  span: number,
): number {
  const n = inputs[0].length;
  let start = from;
  let i = from;
  while (i < n && i - start < span) {
    if (!finiteAt(inputs, i)) start = i + 1;
    i++;
  }
  if (i - start < span) start = n;
  for (let k = 0; k < outputs.length; k++) outputs[k].fill(Number.NaN, from, start);
  return start;
}

function finiteAt(inputs: readonly Float64Array[], i: number): boolean {
  for (let k = 0; k < inputs.length; k++) {
    const v = inputs[k][i];
    // v - v is 0 exactly when v is finite (NaN and ±Infinity give NaN); kernels use the same test inline.
    if (v - v !== 0) return false;
  }
  return true;
}

/** Bar i of both inputs is finite (the kernels' per-bar test: each v - v is 0, or NaN for NaN and ±Infinity). */
export function finite2(a: Float64Array, b: Float64Array, i: number): boolean {
  const x = a[i];
  const y = b[i];
  return x - x + (y - y) === 0;
}

/** Bar i of all three inputs is finite (see finite2). */
export function finite3(a: Float64Array, b: Float64Array, c: Float64Array, i: number): boolean {
  const x = a[i];
  const y = b[i];
  const z = c[i];
  return x - x + (y - y) + (z - z) === 0;
}

/** Bar i of all four inputs is finite (see finite2). */
export function finite4(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array, i: number): boolean {
  const x = a[i];
  const y = b[i];
  const z = c[i];
  const w = d[i];
  return x - x + (y - y) + (z - z + (w - w)) === 0;
}
