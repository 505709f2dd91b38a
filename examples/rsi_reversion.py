# RSI mean reversion: buy when the RSI climbs back above the oversold line (the selling looks
# exhausted), sell when it reaches the overbought line. A stop loss caps the damage when the fall
# goes on instead.
#
#   npx stratex backtest examples/rsi_reversion.py --provider synthetic --symbol ETH/USD --timeframe 1h \
#     --from 2022-01-01 --to 2022-07-01 --param oversold=25
import numpy as np

from stratex import indicators

PARAMS = {"period": 14, "oversold": 30, "overbought": 70, "stopLoss": 0.05}


def strategy(data, params):
    rsi = indicators.rsi(data.close, params["period"])
    oversold = np.full(len(data), float(params["oversold"]))
    overbought = np.full(len(data), float(params["overbought"]))
    return {
        "entries": indicators.cross_above(rsi, oversold),
        "exits": indicators.cross_above(rsi, overbought),
        "stop_loss": params["stopLoss"],
        "indicators": {"rsi": rsi},
    }
