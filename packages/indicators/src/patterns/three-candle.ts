/**
 * Three-candle patterns: each looks at bars t-2, t-1 and t (written 1, 2, 3 below); the pattern
 * completes at bar t. The star patterns need real price gaps between candles, which a market that
 * trades around the clock (each open ≈ the previous close) almost never shows.
 */
import {
  abandonedbaby,
  downsidetasukigap,
  eveningdojistar,
  eveningstar,
  morningdojistar,
  morningstar,
  threeblackcrows,
  threewhitesoldiers,
} from 'technicalindicators';
import { definePattern } from './scan.js';

/**
 * Morning star (`morningstar`): bar 1 bearish; bar 2 entirely below low1 (high2 < low1); bar 3
 * bullish, opening above high2, closing above the midpoint of body 1.
 */
export const morningStar = definePattern({ name: 'morningStar', count: 3, detect: morningstar });

/**
 * Evening star (`eveningstar`): bar 1 bullish; bar 2 entirely above high1 (low2 > high1); bar 3
 * bearish, opening below low2, closing below the midpoint of body 1.
 */
export const eveningStar = definePattern({ name: 'eveningStar', count: 3, detect: eveningstar });

/** Morning doji star (`morningdojistar`): the morning star rules with bar 2 a doji (see `doji`). */
export const morningDojiStar = definePattern({ name: 'morningDojiStar', count: 3, detect: morningdojistar });

/** Evening doji star (`eveningdojistar`): the evening star rules with bar 2 a doji (see `doji`). */
export const eveningDojiStar = definePattern({ name: 'eveningDojiStar', count: 3, detect: eveningdojistar });

/**
 * Abandoned baby, bullish (`abandonedbaby`): bar 1 bearish; bar 2 a doji entirely below low1; bar 3
 * bullish with low3 > high2 and high3 < open1.
 */
export const abandonedBaby = definePattern({ name: 'abandonedBaby', count: 3, detect: abandonedbaby });

/**
 * Downside tasuki gap (`downsidetasukigap`): bars 1 and 2 bearish with a gap (high2 < low1); bar 3
 * bullish, opening inside body 2 and closing above open2 but below close1.
 */
export const downsideTasukiGap = definePattern({ name: 'downsideTasukiGap', count: 3, detect: downsidetasukigap });

/**
 * Three white soldiers (`threewhitesoldiers`): three bullish bars with rising highs, bars 2 and 3
 * each opening below the previous close.
 */
export const threeWhiteSoldiers = definePattern({ name: 'threeWhiteSoldiers', count: 3, detect: threewhitesoldiers });

/**
 * Three black crows (`threeblackcrows`): three bearish bars with falling lows, bars 2 and 3 each
 * opening inside the previous body.
 */
export const threeBlackCrows = definePattern({ name: 'threeBlackCrows', count: 3, detect: threeblackcrows });
