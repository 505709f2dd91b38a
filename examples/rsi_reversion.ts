// RSI mean reversion, in TypeScript: buy when the RSI climbs back above the oversold line (the
// selling looks exhausted), sell when it reaches the overbought line. A stop loss caps the damage
// when the fall goes on instead. Types are stripped before the code reaches the sandbox.
//
//   npx stratex backtest examples/rsi_reversion.ts --provider synthetic --symbol ETH/USD --timeframe 1h \
//     --from 2022-01-01 --to 2022-07-01 --param oversold=25

interface Params {
  period: number;
  oversold: number;
  overbought: number;
  stopLoss: number;
}

interface Candles {
  close: Float64Array;
  length: number;
}

export const params: Params = { period: 14, oversold: 30, overbought: 70, stopLoss: 0.05 };

export function strategy(data: Candles, params: Params) {
  const rsi: Float64Array = indicators.rsi(data.close, params.period);
  const oversold = new Float64Array(data.length).fill(params.oversold);
  const overbought = new Float64Array(data.length).fill(params.overbought);
  return {
    entries: indicators.crossAbove(rsi, oversold),
    exits: indicators.crossAbove(rsi, overbought),
    stopLoss: params.stopLoss,
    indicators: { rsi },
  };
}
