/**
 * @stratex/indicators — the indicator set of CONTRACT.md section 7 over Float64Array (plain arrays
 * accepted), numbers equal to TA-Lib's.
 */

export * from './aroon.js';
export * from './atr.js';
export * from './bollinger.js';
export * from './cci.js';
export * from './change.js';
export * from './cross.js';
export * from './directional.js';
export * from './ema.js';
export * from './ema-chain.js';
export * from './kama.js';
export * from './macd.js';
export * from './mfi.js';
export * from './obv.js';
export * as patterns from './patterns/index.js';
export * from './rsi.js';
export * from './sar.js';
export * from './sma.js';
export * from './stddev.js';
export * from './stoch.js';
export * from './stoch-rsi.js';
export * from './ultosc.js';
export * from './vwap.js';
export * from './willr.js';
export * from './wma.js';
