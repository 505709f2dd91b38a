/**
 * Fill prices and quantities (CONTRACT.md section 2): a buy fills at price × (1 + slippage), a sell
 * at price × (1 − slippage); an entry of fraction s buys s × equity / (fill × (1 + fee)).
 */

/** +1 buys, −1 sells. */
export type Direction = 1 | -1;

/** The price a fill in `direction` gets at `price`. */
export function fillPrice(price: number, direction: Direction, slippage: number): number {
  return direction === 1 ? price * (1 + slippage) : price * (1 - slippage);
}

/** Quantity that spends `fraction` of `equity` at `fill`, the fee included. */
export function quantityFor(fraction: number, equity: number, fill: number, fee: number): number {
  return (fraction * equity) / (fill * (1 + fee));
}

/**
 * A quantity ≥ 0 rounded down to a multiple of `lotSize` (none when 0). The 1e-9 slack keeps a quantity
 * that is a whole number of lots up to float noise (0.3 / 0.1 = 2.9999999999999996) from losing a lot.
 */
export function roundToLot(quantity: number, lotSize: number): number {
  return lotSize > 0 ? Math.floor(quantity / lotSize + 1e-9) * lotSize : quantity;
}
