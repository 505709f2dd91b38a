/** Simple moving average (TA-Lib SMA). */
import { asFloat64, checkPeriod, outputColumn, type Values } from './input.js';
import { smaInto } from './sma-kernel.js';

/**
 * Simple moving average: the mean of the last `period` values.
 *
 * Convention: TA-Lib SMA, a running sum (add the new value, divide, drop the oldest), so numbers
 * match TA-Lib bit for bit. Warm-up: the first value is at index `period - 1` of each finite run
 * (NaN before). `period` must be a positive integer.
 */
export function sma(values: Values, period: number): Float64Array {
  checkPeriod('sma', 'period', period);
  const x = asFloat64(values);
  const out = outputColumn(x.length);
  smaInto(x, out, period);
  return out;
}
