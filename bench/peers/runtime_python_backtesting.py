"""backtesting.py 0.6 running the SMA-cross of examples/sma_cross.py (fast 10, slow 30, long only, all in,
fee 0.1 %) on the same candles, for bench/runtime-python.bench.mjs.

Usage: runtime_python_backtesting.py <candles.csv> <runs>. Prints one JSON line: the ms of each
`Backtest.run()`, the ms from interpreter start to the first result (cold), and the trades' bars.
"""
import json
import sys
import time

STARTED = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from backtesting import Strategy  # noqa: E402
from backtesting.lib import FractionalBacktest, crossover  # noqa: E402


def sma(values, period):
    return pd.Series(values).rolling(period).mean().to_numpy()


class SmaCross(Strategy):
    fast = 10
    slow = 30

    def init(self):
        self.fast_ma = self.I(sma, self.data.Close, self.fast)
        self.slow_ma = self.I(sma, self.data.Close, self.slow)

    def next(self):
        if crossover(self.fast_ma, self.slow_ma):
            self.buy()
        elif crossover(self.slow_ma, self.fast_ma):
            self.position.close()


def load(path):
    df = pd.read_csv(path)
    df.index = pd.to_datetime(df.pop("timestamp"), unit="ms", utc=True).dt.tz_localize(None)
    return df.rename(columns=str.capitalize)


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    data = load(path)
    times = []
    stats = None
    for _ in range(runs):
        began = time.perf_counter()
        # Fractional units (1e-8 BTC), as stratex trades fractional quantities.
        bt = FractionalBacktest(data, SmaCross, cash=10_000, commission=0.001, finalize_trades=True)
        stats = bt.run()
        times.append((time.perf_counter() - began) * 1000)
        if len(times) == 1:
            cold = (time.perf_counter() - STARTED) * 1000
    trades = stats["_trades"]
    print(json.dumps({
        "runMs": times,
        "coldMs": cold,
        "trades": [[int(e), int(x)] for e, x in zip(trades["EntryBar"], trades["ExitBar"])],
        "returnPct": float(np.round(stats["Return [%]"], 6)),
    }))


if __name__ == "__main__":
    main()
