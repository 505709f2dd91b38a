# SMA crossover, the classic trend follower: buy when the fast simple moving average of the close
# crosses above the slow one, sell when it crosses back below. Long only, all in.
#
#   npx stratex backtest examples/sma_cross.py --provider synthetic --symbol BTC/USD --timeframe 1h \
#     --from 2022-01-01 --to 2023-01-01 --param fast=10 --param slow=30 --fee 0.001
from stratex import indicators

PARAMS = {"fast": 10, "slow": 30}


def strategy(data, params):
    fast = indicators.sma(data.close, params["fast"])
    slow = indicators.sma(data.close, params["slow"])
    return {
        "entries": indicators.cross_above(fast, slow),
        "exits": indicators.cross_below(fast, slow),
        "indicators": {"fast": fast, "slow": slow},
    }
