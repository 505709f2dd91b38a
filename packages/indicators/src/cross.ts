/** Crossings of two series. */
import { asFloat64, checkSameLength, type Values } from './input.js';

/**
 * 1 at bar t when `a` crosses above `b`: a[t] > b[t] and a[t-1] <= b[t-1], all four finite;
 * 0 elsewhere, including bar 0 and any bar touching a NaN. Inputs must have the same length.
 */
export function crossAbove(a: Values, b: Values): Uint8Array {
  checkSameLength('crossAbove', a, b);
  return crossings(asFloat64(a), asFloat64(b));
}

/**
 * 1 at bar t when `a` crosses below `b`: a[t] < b[t] and a[t-1] >= b[t-1], all four finite;
 * 0 elsewhere, including bar 0 and any bar touching a NaN. Inputs must have the same length.
 */
export function crossBelow(a: Values, b: Values): Uint8Array {
  checkSameLength('crossBelow', a, b);
  return crossings(asFloat64(b), asFloat64(a));
}

/** Where `a` crosses above `b` (crossBelow is the same with the sides swapped). */
function crossings(a: Float64Array, b: Float64Array): Uint8Array {
  const n = a.length;
  const out = new Uint8Array(n);
  for (let t = 1; t < n; t++) {
    const a0 = a[t - 1];
    const b0 = b[t - 1];
    const a1 = a[t];
    const b1 = b[t];
    // Comparisons with NaN are false, so the crossing test already rejects NaNs; the finiteness
    // check (rarely reached) excludes infinities.
    if (
      a1 > b1 &&
      a0 <= b0 &&
      Number.isFinite(a0) &&
      Number.isFinite(b0) &&
      Number.isFinite(a1) &&
      Number.isFinite(b1)
    ) {
      out[t] = 1;
    }
  }
  return out;
}
