// Trend following bar by bar (onBar), protected by a trailing stop: when the close is above the
// slow EMA and the fast EMA is above the slow one, buy with a trailing stop `trail` below the
// highest price since entry. Leave when the trend breaks (close below the slow EMA). After the
// trailing stop closes a trade, wait for the trend signal to turn off and on again.
//
//   npx stratex backtest examples/trailing_trend.js --provider synthetic --symbol BTC/USD --timeframe 1h \
//     --from 2022-01-01 --to 2023-01-01 --param trail=0.04

export const params = { fast: 20, slow: 50, trail: 0.05 };

export function onBar(ctx) {
  const close = ctx.close.at(-1);
  const fast = ctx.indicator('ema', ctx.params.fast).at(-1);
  const slow = ctx.indicator('ema', ctx.params.slow).at(-1);
  if (Number.isNaN(slow)) return;
  const trending = close > slow && fast > slow;
  if (ctx.position === 0 && trending) {
    ctx.buy({ size: 1, trailingStop: ctx.params.trail });
  } else if (ctx.position > 0 && close < slow) {
    ctx.closePosition();
  }
}
