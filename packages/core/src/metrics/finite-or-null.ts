/**
 * The result JSON is strict: a metric that backtesting.py reports as NaN or ±inf, or that is
 * undefined for the input (no trades, zero loss…), is `null`. `-0` (backtesting.py's drawdown of a
 * flat curve is `-0.0`) becomes `0` so the JSON never depends on the sign of zero.
 */
export function finiteOrNull(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}
