"""Times every indicator of stratex's Python SDK on a seeded random walk; prints {name: ns per bar}.

Usage: python python_indicators.py BARS ROUNDS [pandas]
Which kernels run (native C or pure Python) is decided when stratex is imported: STRATEX_PY_KERNELS.
With `pandas`, times pandas' rolling/ewm equivalents of the few indicators it has instead.
"""
import json
import sys
import time

import numpy as np


def walk(n):
    rng = np.random.default_rng(20220101)
    close = 20000 * np.exp(np.cumsum(rng.normal(0, 0.01, n)))
    spread = close * rng.uniform(0.001, 0.01, n)
    return {
        "c": close,
        "h": close + spread,
        "l": close - spread,
        "v": rng.uniform(1, 100, n),
        "t": 1_640_995_200_000 + np.arange(n) * 3_600_000.0,
    }


def stratex_calls(d):
    from stratex import indicators as ind

    c, h, l, v, t = d["c"], d["h"], d["l"], d["v"], d["t"]
    return {
        "sma(close, 20)": lambda: ind.sma(c, 20),
        "ema(close, 20)": lambda: ind.ema(c, 20),
        "wma(close, 20)": lambda: ind.wma(c, 20),
        "dema(close, 20)": lambda: ind.dema(c, 20),
        "tema(close, 20)": lambda: ind.tema(c, 20),
        "kama(close, 30)": lambda: ind.kama(c, 30),
        "rsi(close, 14)": lambda: ind.rsi(c, 14),
        "macd(close, 12, 26, 9)": lambda: ind.macd(c, 12, 26, 9),
        "bollinger(close, 20, 2)": lambda: ind.bollinger(c, 20, 2),
        "stddev(close, 20)": lambda: ind.stddev(c, 20),
        "roc(close, 10)": lambda: ind.roc(c, 10),
        "mom(close, 10)": lambda: ind.mom(c, 10),
        "trix(close, 30)": lambda: ind.trix(c, 30),
        "atr(h, l, c, 14)": lambda: ind.atr(h, l, c, 14),
        "natr(h, l, c, 14)": lambda: ind.natr(h, l, c, 14),
        "adx(h, l, c, 14)": lambda: ind.adx(h, l, c, 14),
        "willr(h, l, c, 14)": lambda: ind.willr(h, l, c, 14),
        "cci(h, l, c, 20)": lambda: ind.cci(h, l, c, 20),
        "stoch(h, l, c, 14, 3, 3)": lambda: ind.stoch(h, l, c, 14, 3, 3),
        "stoch_rsi(close, 14, 14, 3, 3)": lambda: ind.stoch_rsi(c, 14, 14, 3, 3),
        "aroon(h, l, 14)": lambda: ind.aroon(h, l, 14),
        "sar(h, l, 0.02, 0.2)": lambda: ind.sar(h, l, 0.02, 0.2),
        "ultosc(h, l, c, 7, 14, 28)": lambda: ind.ultosc(h, l, c, 7, 14, 28),
        "obv(close, volume)": lambda: ind.obv(c, v),
        "mfi(h, l, c, v, 14)": lambda: ind.mfi(h, l, c, v, 14),
        "vwap(h, l, c, v, time)": lambda: ind.vwap(h, l, c, v, t),
    }


def pandas_calls(d):
    import pandas as pd

    close = pd.Series(d["c"])
    return {
        "sma(close, 20)": lambda: close.rolling(20).mean(),
        "ema(close, 20)": lambda: close.ewm(span=20, adjust=False).mean(),
        "bollinger(close, 20, 2)": lambda: (lambda m, s: (m + 2 * s, m, m - 2 * s))(
            close.rolling(20).mean(), close.rolling(20).std(ddof=0)
        ),
        "stddev(close, 20)": lambda: close.rolling(20).std(ddof=0),
    }


def median_ns_per_bar(call, bars, rounds):
    call()
    times = []
    for _ in range(rounds):
        start = time.process_time_ns()
        call()
        times.append((time.process_time_ns() - start) / bars)
    return sorted(times)[len(times) // 2]


if __name__ == "__main__":
    bars, rounds = int(sys.argv[1]), int(sys.argv[2])
    data = walk(bars)
    calls = pandas_calls(data) if sys.argv[3:] == ["pandas"] else stratex_calls(data)
    print(json.dumps({name: median_ns_per_bar(call, bars, rounds) for name, call in calls.items()}))
