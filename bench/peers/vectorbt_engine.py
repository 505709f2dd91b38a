"""vectorbt's Portfolio.from_signals on the candles and signals of bench/engine.bench.mjs, timed warm.

Usage: vectorbt_engine.py <dir> <runs>. <dir> holds open/high/low/close.f64 (float64) and
entries/exits.u8 (0/1) written by the bench, plus params.json (fee, cash, trailing, take_profit).
Prints one JSON line: the version, the numba engine in use, the ms of the first call (numba JIT
compilation included), the ms of each warm call of from_signals alone and with the equity curve
(`value()`, which stratex's engine produces in the same loop), and the number of trades.

Signals are shifted one bar and filled at that bar's open, as stratex fills a signal of bar k-1 at
open[k]. vectorbt has one stop that is fixed or trailing (sl_stop + sl_trail), so it runs a trailing
stop and a take-profit; stratex is timed on the same two levels and, separately, with a fixed stop too.
"""
import json
import os
import sys
import time

import numpy as np
import vectorbt as vbt


def load(folder):
    def f64(name):
        return np.fromfile(os.path.join(folder, f"{name}.f64"), dtype=np.float64)

    def flags(name):
        raw = np.fromfile(os.path.join(folder, f"{name}.u8"), dtype=np.uint8).astype(bool)
        shifted = np.zeros_like(raw)
        shifted[1:] = raw[:-1]
        return shifted

    with open(os.path.join(folder, "params.json")) as fh:
        params = json.load(fh)
    return f64("open"), f64("high"), f64("low"), f64("close"), flags("entries"), flags("exits"), params


def run(data, with_value):
    open_, high, low, close, entries, exits, p = data
    pf = vbt.Portfolio.from_signals(
        close,
        entries=entries,
        exits=exits,
        price=open_,
        open=open_,
        high=high,
        low=low,
        sl_stop=p["trailing"],
        sl_trail=True,
        tp_stop=p["take_profit"],
        stop_entry_price="fillprice",
        fees=p["fee"],
        init_cash=p["cash"],
        size=np.inf,
        direction="longonly",
        engine="numba",
    )
    if with_value:
        pf.value()
    return pf


def timed(call):
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def main():
    folder, runs = sys.argv[1], int(sys.argv[2])
    data = load(folder)
    cold_ms, pf = timed(lambda: run(data, True))
    for _ in range(2):
        run(data, True)
    signals_ms = [timed(lambda: run(data, False))[0] for _ in range(runs)]
    value_ms = [timed(lambda: run(data, True))[0] for _ in range(runs)]
    print(
        json.dumps(
            {
                "version": vbt.__version__,
                "engine": "numba",
                "cold_ms": cold_ms,
                "from_signals_ms": signals_ms,
                "with_value_ms": value_ms,
                "trades": int(pf.trades.count()),
            }
        )
    )


if __name__ == "__main__":
    main()
