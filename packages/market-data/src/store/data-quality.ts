/**
 * Data quality of a batch of bars, as counts a user can act on: OHLC that contradict each other,
 * negative values, duplicate rows, rows out of time order. Bars are reported, never altered.
 */
import type { CandleColumns } from '../csv/parse-candles-csv.js';

export interface DataQuality {
  /** high below open, close or low, or low above open, close or high. */
  ohlcInconsistent: number;
  /** A negative price or volume. */
  negative: number;
  /** Exact repeats of a row, dropped. */
  duplicates: number;
  /** Rows whose time is before an earlier row's (the file is sorted on reading). */
  outOfOrder: number;
  /** Bars with volume 0. */
  zeroVolume: number;
  /** Open time of the first bar with each problem, for a user to look at. */
  firstOhlcInconsistent?: number;
  firstNegative?: number;
}

/** Checks sorted bars (`line` says where each came from in the input, so order can be judged). */
export function checkQuality(bars: CandleColumns, duplicates: number): DataQuality {
  const { time, open, high, low, close, volume, line } = bars;
  const quality: DataQuality = { ohlcInconsistent: 0, negative: 0, duplicates, outOfOrder: 0, zeroVolume: 0 };
  let latestLine = 0;
  for (let i = 0; i < time.length; i++) {
    const o = open[i];
    const c = close[i];
    if (high[i] < Math.max(o, c, low[i]) || low[i] > Math.min(o, c, high[i])) {
      quality.ohlcInconsistent += 1;
      quality.firstOhlcInconsistent ??= time[i];
    }
    if (o < 0 || high[i] < 0 || low[i] < 0 || c < 0 || volume[i] < 0) {
      quality.negative += 1;
      quality.firstNegative ??= time[i];
    }
    if (volume[i] === 0) quality.zeroVolume += 1;
    // After sorting, a bar from an earlier line than one before it was written out of order.
    if (line[i] < latestLine) quality.outOfOrder += 1;
    else latestLine = line[i];
  }
  return quality;
}
