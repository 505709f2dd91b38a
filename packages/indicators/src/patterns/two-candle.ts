/**
 * Two-candle patterns: each looks at bars t-1 (written 1 below) and t (written 2): the pattern
 * completes at bar t. The rules are technicalindicators' own, restated from its source.
 */
import {
  bearishengulfingpattern,
  bearishharami,
  bearishharamicross,
  bullishengulfingpattern,
  bullishharami,
  bullishharamicross,
  darkcloudcover,
  piercingline,
} from 'technicalindicators';
import { definePattern } from './scan.js';

/** Bullish engulfing (`bullishengulfingpattern`): open2 < close1 < open1 < close2 (a bearish body engulfed). */
export const bullishEngulfing = definePattern({ name: 'bullishEngulfing', count: 2, detect: bullishengulfingpattern });

/** Bearish engulfing (`bearishengulfingpattern`): close2 < open1 < close1 < open2 (a bullish body engulfed). */
export const bearishEngulfing = definePattern({ name: 'bearishEngulfing', count: 2, detect: bearishengulfingpattern });

/**
 * Bullish harami (`bullishharami`): close1 < open2 < open1 (bar 2 opens inside bearish body 1),
 * close2 > close1, low2 < open1 and high2 < high1.
 */
export const bullishHarami = definePattern({ name: 'bullishHarami', count: 2, detect: bullishharami });

/**
 * Bearish harami (`bearishharami`): open1 < open2 < close1 (bar 2 opens inside bullish body 1),
 * close2 < close1, low2 > open1 and high2 < high1.
 */
export const bearishHarami = definePattern({ name: 'bearishHarami', count: 2, detect: bearishharami });

/** Bullish harami cross (`bullishharamicross`): the bullish harami rules with open2 ≈ close2 (0.1 %). */
export const bullishHaramiCross = definePattern({ name: 'bullishHaramiCross', count: 2, detect: bullishharamicross });

/** Bearish harami cross (`bearishharamicross`): the bearish harami rules with open2 ≈ close2 (0.1 %). */
export const bearishHaramiCross = definePattern({ name: 'bearishHaramiCross', count: 2, detect: bearishharamicross });

/**
 * Piercing line (`piercingline`): bar 1 bearish; bar 2 bullish, opens below low1, makes a lower low
 * and closes above the midpoint of body 1.
 */
export const piercingLine = definePattern({ name: 'piercingLine', count: 2, detect: piercingline });

/**
 * Dark cloud cover (`darkcloudcover`): bar 1 bullish; bar 2 bearish, opens above high1 and closes
 * inside body 1, below its midpoint.
 */
export const darkCloudCover = definePattern({ name: 'darkCloudCover', count: 2, detect: darkcloudcover });
