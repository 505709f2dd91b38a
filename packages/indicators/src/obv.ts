/** On-balance volume (TA-Lib OBV). */
import { choose } from './choose.js';
import { finite2, startOfRun } from './finite-runs.js';
import { asFloat64, checkSameLength, outputColumn, type Values } from './input.js';

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
  const out = outputColumn(n);
  const inputs = [c, v];
  const outputs = [out];
  let start = startOfRun(inputs, outputs, 0, 1);
  while (start < n) start = startOfRun(inputs, outputs, obvRun(c, v, out, start), 1);
  return out;
}

/** OBV of the finite run starting at `start`; returns its end (see finite-runs.ts). */
function obvRun(c: Float64Array, v: Float64Array, out: Float64Array, start: number): number {
  const n = c.length;
  const pick = new Float64Array(2);
  let total = v[start];
  out[start] = total;
  let i = start + 1;
  for (; i < n; i++) {
    if (!finite2(c, v, i)) break;
    // total += v on a rise, total -= v (that is, += -v) on a fall, unchanged (+= -0, which changes no
    // number, signed zeros included) otherwise; chosen without a branch, as rises and falls come at random.
    const volume = v[i];
    const close = c[i];
    const previous = c[i - 1];
    total += choose(pick, close > previous, choose(pick, close < previous, -0, -volume), volume);
    out[i] = total;
  }
  return i;
}
