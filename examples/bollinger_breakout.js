// Bollinger breakout, long and short: when the close breaks above the upper band, ride the move
// up; when it breaks below the lower band, ride it down (short). Each position is closed when the
// close crosses back over the middle band (the moving average).
//
//   npx stratex backtest examples/bollinger_breakout.js --provider synthetic --symbol BTC/USD --timeframe 4h \
//     --from 2021-01-01 --to 2023-01-01 --param width=2.5

export const params = { period: 20, width: 2 };

export function strategy(data, params) {
  const bands = indicators.bollinger(data.close, params.period, params.width);
  return {
    entries: indicators.crossAbove(data.close, bands.upper),
    exits: indicators.crossBelow(data.close, bands.middle),
    shortEntries: indicators.crossBelow(data.close, bands.lower),
    shortExits: indicators.crossAbove(data.close, bands.middle),
    indicators: { upper: bands.upper, middle: bands.middle, lower: bands.lower },
  };
}
