/**
 * The bar where the look-ahead check must catch a strategy that trades on the next bar's close, over a
 * year of 8,760 hourly closes: a re-run on the first k bars (k at 50/75/90 %) cannot see bar k, so its bar
 * k-1 has no signal where the full run has one, unless the close did not move there. The earliest such bar.
 */
export function firstPeekingBar(close: Float64Array): number {
  const differing = [0.5, 0.75, 0.9]
    .map((p) => Math.floor(p * 8760))
    .filter((k) => close[k] !== close[k - 1])
    .map((k) => k - 1);
  return Math.min(...differing);
}
