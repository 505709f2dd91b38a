/** On-balance volume (TA-Lib OBV). */
import { asFloat64, checkSameLength, forEachFiniteRun, nanArray, type Values } from './input.js';

/**
 * On-balance volume: a running total that adds the bar's volume when the close rises, subtracts it when
 * the close falls and leaves it unchanged when the close is unchanged.
 *
 * Convention: TA-Lib OBV: the total starts at the first bar's volume. No warm-up: the first value is at
 * index 0 of each finite run (after an interior NaN the total starts again).
 */
export function obv(close: Values, volume: Values): Float64Array {
  const n = checkSameLength('obv', close, volume);
  const c = asFloat64(close);
  const v = asFloat64(volume);
  const out = nanArray(n);
  forEachFiniteRun([c, v], (start, end) => {
    let total = v[start];
    out[start] = total;
    for (let i = start + 1; i < end; i++) {
      if (c[i] > c[i - 1]) total += v[i];
      else if (c[i] < c[i - 1]) total -= v[i];
      out[i] = total;
    }
  });
  return out;
}
