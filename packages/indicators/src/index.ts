/**
 * @stratex/indicators — the indicator set of CONTRACT.md section 7 over Float64Array (plain arrays
 * accepted), numbers equal to TA-Lib's.
 */

export * from './bollinger.js';
export * from './change.js';
export * from './cross.js';
export * from './ema.js';
export * from './ema-chain.js';
export * from './kama.js';
export * from './macd.js';
export * as patterns from './patterns/index.js';
export * from './rsi.js';
export * from './sma.js';
export * from './stddev.js';
export * from './wma.js';
