# Trend following bar by bar (on_bar), protected by a trailing stop: when the close is above the
# slow EMA and the fast EMA is above the slow one, buy with a trailing stop `trail` below the
# highest price since entry. Leave when the trend breaks (close below the slow EMA). After the
# trailing stop closes a trade, wait for the trend signal to turn off and on again.
#
#   npx stratex backtest examples/trailing_trend.py --provider synthetic --symbol BTC/USD --timeframe 1h \
#     --from 2022-01-01 --to 2023-01-01 --param trail=0.04
import math

PARAMS = {"fast": 20, "slow": 50, "trail": 0.05}


def on_bar(ctx):
    close = ctx.close[-1]
    fast = ctx.indicator("ema", ctx.params["fast"])[-1]
    slow = ctx.indicator("ema", ctx.params["slow"])[-1]
    if math.isnan(slow):
        return
    trending = close > slow and fast > slow
    if ctx.position == 0 and trending:
        ctx.buy(size=1, trailing_stop=ctx.params["trail"])
    elif ctx.position > 0 and close < slow:
        ctx.close_position()
