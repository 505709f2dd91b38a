/**
 * Candlestick patterns, each computed by technicalindicators' detector over a sliding window:
 * `patterns.hammer(open, high, low, close)` returns a Uint8Array aligned to the input whose entry t
 * is 1 when the pattern completes at bar t. See docs/INDICATORS.md for the list and the rules.
 */

export type { PatternFunction } from './scan.js';
export * from './single-candle.js';
export * from './three-candle.js';
export * from './trend-reversal.js';
export * from './two-candle.js';
