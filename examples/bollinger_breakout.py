# Bollinger breakout, long and short: when the close breaks above the upper band, ride the move
# up; when it breaks below the lower band, ride it down (short). Each position is closed when the
# close crosses back over the middle band (the moving average).
#
#   npx stratex backtest examples/bollinger_breakout.py --provider synthetic --symbol BTC/USD --timeframe 4h \
#     --from 2021-01-01 --to 2023-01-01 --param width=2.5
from stratex import indicators

PARAMS = {"period": 20, "width": 2.0}


def strategy(data, params):
    bands = indicators.bollinger(data.close, params["period"], params["width"])
    return {
        "entries": indicators.cross_above(data.close, bands.upper),
        "exits": indicators.cross_below(data.close, bands.middle),
        "short_entries": indicators.cross_below(data.close, bands.lower),
        "short_exits": indicators.cross_above(data.close, bands.middle),
        "indicators": {"upper": bands.upper, "middle": bands.middle, "lower": bands.lower},
    }
