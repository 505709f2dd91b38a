/**
 * One-candle patterns: each looks at bar t only. "a ≈ b" below is technicalindicators'
 * `approximateEqual(a, b)`: |a - b| and 0.1 % of a, each rounded to 4 significant digits, compare `<=`.
 */
import { bearishmarubozu, bullishmarubozu, dragonflydoji, gravestonedoji, doji as tiDoji } from 'technicalindicators';
import { definePattern } from './scan.js';

/**
 * Doji (technicalindicators `doji`): open ≈ close, and high ≈ open and low ≈ close either both hold
 * (a flat bar) or neither. A dragonfly or gravestone shape is therefore not a doji here.
 */
export const doji = definePattern({ name: 'doji', count: 1, detect: tiDoji });

/** Dragonfly doji (`dragonflydoji`): open ≈ close ≈ high, and low not ≈ close (a long lower shadow). */
export const dragonflyDoji = definePattern({ name: 'dragonflyDoji', count: 1, detect: dragonflydoji });

/** Gravestone doji (`gravestonedoji`): open ≈ close ≈ low, and high not ≈ open (a long upper shadow). */
export const gravestoneDoji = definePattern({ name: 'gravestoneDoji', count: 1, detect: gravestonedoji });

/** Bullish marubozu (`bullishmarubozu`): open < close, close ≈ high, low ≈ open (no shadows to speak of). */
export const bullishMarubozu = definePattern({ name: 'bullishMarubozu', count: 1, detect: bullishmarubozu });

/** Bearish marubozu (`bearishmarubozu`): open > close, open ≈ high, low ≈ close. */
export const bearishMarubozu = definePattern({ name: 'bearishMarubozu', count: 1, detect: bearishmarubozu });
