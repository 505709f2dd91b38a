"""Kaufman adaptive moving average (port of kama.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.near_zero import is_near_zero
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

SLOWEST = 2 / (30 + 1)
SPREAD = 2 / (2 + 1) - SLOWEST

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("averages")


def kama(values, period):
    """TA-Lib KAMA: an EMA whose smoothing follows the efficiency ratio; seeded with x[period - 1]."""
    period = check_period("kama", "period", period)
    if _native is not None:
        return native.single(_native.kama, values, period)
    x = as_float64(values)
    xs = x.tolist()
    out = nan_list(len(xs))
    for start, end in finite_runs(x):
        _kama_run(xs, out, start, end, period)
    return np.array(out)


def _kama_run(x, out, start, end, period):
    first = start + period
    if first >= end:
        return
    moves = 0.0
    for i in range(start, first):
        moves += abs(x[i] - x[i + 1])
    value = x[first - 1]
    trailing_value = x[start]
    value = _step(value, x[first], x[first] - trailing_value, moves)
    out[first] = value
    t = start + 1
    for i in range(first + 1, end):
        v = x[i]
        trailing = x[t]
        t += 1
        moves -= abs(trailing_value - trailing)
        moves += abs(v - x[i - 1])
        trailing_value = trailing
        value = _step(value, v, v - trailing, moves)
        out[i] = value


def _step(previous, v, change, moves):
    efficiency = 1.0 if moves <= change or is_near_zero(moves) else abs(change / moves)
    sc = efficiency * SPREAD + SLOWEST
    sc *= sc
    return (v - previous) * sc + previous
