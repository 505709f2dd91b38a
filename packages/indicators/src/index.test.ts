import { describe, expect, it } from 'vitest';
import * as indicators from './index.js';

describe('@stratex/indicators', () => {
  it('exports the functions of CONTRACT.md section 7 and the patterns, no kernel internals', () => {
    const section7 = [
      'sma',
      'ema',
      'wma',
      'dema',
      'tema',
      'kama',
      'rsi',
      'macd',
      'bollinger',
      'stddev',
      'roc',
      'mom',
      'trix',
      'atr',
      'natr',
      'adx',
      'plusDi',
      'minusDi',
      'willr',
      'cci',
      'stoch',
      'stochRsi',
      'aroon',
      'sar',
      'ultosc',
      'obv',
      'mfi',
      'vwap',
      'crossAbove',
      'crossBelow',
    ];
    expect(Object.keys(indicators).sort()).toEqual([...section7, 'patterns'].sort());
  });
});
