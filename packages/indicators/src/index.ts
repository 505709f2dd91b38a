/**
 * @stratex/indicators — the indicator set of CONTRACT.md section 7 over Float64Array (plain arrays
 * accepted), numbers equal to TA-Lib's.
 */
export * as patterns from './patterns/index.js';
export * from './rsi.js';
export * from './sma.js';
