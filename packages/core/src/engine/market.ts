/** The candles the engine fills against, as Float64Array columns so the bar loop stays monomorphic. */
import { StratexError } from '../errors.js';
import type { Bars } from '../types.js';

export interface Market {
  readonly bars: number;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

const COLUMNS = ['time', 'open', 'high', 'low', 'close'] as const;

/**
 * Checks the candles (same length, finite times, finite positive prices) and views them as
 * Float64Array (Float64Array input is used as is). Throws INVALID_REQUEST naming column and bar.
 */
export function toMarket(bars: Bars): Market {
  for (const name of COLUMNS) {
    const column = bars?.[name];
    if (column === undefined || column === null || typeof column.length !== 'number') {
      throw new StratexError('INVALID_REQUEST', `bars.${name} is missing`, { column: name });
    }
  }
  const length = bars.close.length;
  const columns = {} as Record<(typeof COLUMNS)[number], Float64Array>;
  for (const name of COLUMNS) {
    const column = bars[name];
    if (column.length !== length) {
      throw new StratexError('INVALID_REQUEST', `bars.${name} has ${column.length} values, bars.close ${length}`, {
        column: name,
      });
    }
    columns[name] = column instanceof Float64Array ? column : Float64Array.from(column);
    checkValues(columns[name], name);
  }
  return { bars: length, ...columns };
}

function checkValues(values: Float64Array, name: string): void {
  const isTime = name === 'time';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // One comparison chain per value: NaN fails both tests, so does ±Infinity.
    if (
      !(isTime ? v > Number.NEGATIVE_INFINITY && v < Number.POSITIVE_INFINITY : v > 0 && v < Number.POSITIVE_INFINITY)
    ) {
      const must = isTime ? 'a finite time in ms' : 'a finite price > 0';
      throw new StratexError('INVALID_REQUEST', `bars.${name}[${i}] is ${v}; it must be ${must}`, {
        column: name,
        bar: i,
      });
    }
  }
}
