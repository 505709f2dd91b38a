/** The candles the engine fills against, as Float64Array columns so the bar loop stays monomorphic. */
import { StratexError } from '../errors.js';
import type { Bars } from '../types.js';

export class Market {
  readonly bars: number;

  constructor(
    readonly time: Float64Array,
    readonly open: Float64Array,
    readonly high: Float64Array,
    readonly low: Float64Array,
    readonly close: Float64Array,
  ) {
    this.bars = close.length;
  }
}

const COLUMNS = ['time', 'open', 'high', 'low', 'close'] as const;

/**
 * Checks the shape of the candles (every column present, one length) and views them as Float64Array
 * (Float64Array input is used as is). The values are checked by the bar loop as it reads them
 * (`isGoodBar`), which costs nothing extra there where a separate pass would read 40 MB per 1M bars.
 */
export function toMarket(bars: Bars): Market {
  for (const name of COLUMNS) {
    const column = bars?.[name];
    if (column === undefined || column === null || typeof column.length !== 'number') {
      throw new StratexError('INVALID_REQUEST', `bars.${name} is missing`, { column: name });
    }
  }
  const length = bars.close.length;
  const columns = COLUMNS.map((name) => {
    const column = bars[name];
    if (column.length !== length) {
      throw new StratexError('INVALID_REQUEST', `bars.${name} has ${column.length} values, bars.close ${length}`, {
        column: name,
      });
    }
    return column instanceof Float64Array ? column : Float64Array.from(column);
  });
  return new Market(columns[0], columns[1], columns[2], columns[3], columns[4]);
}

/**
 * A finite time and finite prices > 0: `> 0` fails for NaN and non-positive prices, the sum < ∞ for
 * infinities. (Plain comparisons: a four-argument Math.min is ten times slower.)
 */
export function isGoodBar(time: number, open: number, high: number, low: number, close: number): boolean {
  return (
    open > 0 && high > 0 && low > 0 && close > 0 && open + high + low + close + time - time < Number.POSITIVE_INFINITY
  );
}

/** Checks bars `from`… to the end (those the loop did not read, after a liquidation). */
export function checkBarsFrom(market: Market, from: number): void {
  const { time, open, high, low, close } = market;
  for (let i = from; i < market.bars; i++) {
    if (!isGoodBar(time[i], open[i], high[i], low[i], close[i])) throw badBar(market, i);
  }
}

/** The INVALID_REQUEST naming the first bad column of bar `bar`. */
export function badBar(market: Market, bar: number): StratexError {
  for (const name of COLUMNS) {
    const v = market[name][bar];
    const ok = name === 'time' ? Number.isFinite(v) : v > 0 && Number.isFinite(v);
    if (!ok) {
      const must = name === 'time' ? 'a finite time in ms' : 'a finite price > 0';
      return new StratexError('INVALID_REQUEST', `bars.${name}[${bar}] is ${v}; it must be ${must}`, {
        column: name,
        bar,
      });
    }
  }
  return new StratexError('INVALID_REQUEST', `bars[${bar}] is not a valid candle`, { bar });
}
