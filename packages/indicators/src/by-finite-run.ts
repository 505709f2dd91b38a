/** Running an indicator kernel over each finite run, with NaN everywhere the kernel writes nothing. */
import { forEachFiniteRun } from './input.js';

/**
 * Calls `kernel(start, end)` for each finite run [start, end) of `inputs` (see forEachFiniteRun).
 * The kernel writes every output on [first, end) and returns `first`, the index of its first value
 * (`end` when the run is shorter than the warm-up). All other entries of every output (before,
 * between and after runs, and during each warm-up) are set to NaN here.
 *
 * Why not fill with NaN up front: on long inputs the outputs are written once instead of twice,
 * which is a measurable share of an indicator that costs a few nanoseconds per bar.
 */
export function computeByFiniteRun(
  inputs: readonly Float64Array[],
  outputs: readonly Float64Array[],
  kernel: (start: number, end: number) => number,
): void {
  let written = 0;
  forEachFiniteRun(inputs, (start, end) => {
    const first = kernel(start, end);
    for (const out of outputs) out.fill(Number.NaN, written, first);
    written = end;
  });
  for (const out of outputs) out.fill(Number.NaN, written);
}
