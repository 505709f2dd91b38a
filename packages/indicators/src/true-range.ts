/** Wilder's true range of one bar, shared by ATR, NATR, the directional indicators and ULTOSC. */

/**
 * True range of bar `i` (needs bar i-1): max(high - low, |high - prevClose|, |low - prevClose|),
 * evaluated in TA-Lib's order (TRUE_RANGE macro) so sums of it match TA-Lib bit for bit.
 */
export function trueRangeAt(high: Float64Array, low: Float64Array, close: Float64Array, i: number): number {
  const prevClose = close[i - 1];
  let range = high[i] - low[i];
  const up = Math.abs(prevClose - high[i]);
  if (up > range) range = up;
  const down = Math.abs(prevClose - low[i]);
  if (down > range) range = down;
  return range;
}
