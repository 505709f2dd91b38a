"""Moving average convergence/divergence (port of macd.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.outputs import Outputs
from stratex.kernels.seeded_ema import SeededEma
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("averages")


def macd(values, fast=12, slow=26, signal=9):
    """{macd, signal, histogram}: TA-Lib MACD, both EMAs starting at the slow EMA's first index."""
    fast = check_period("macd", "fast", fast)
    slow = check_period("macd", "slow", slow)
    signal = check_period("macd", "signal", signal)
    shorter, longer = min(fast, slow), max(fast, slow)
    if _native is not None:
        return _native_macd(values, shorter, longer, signal)
    x = as_float64(values)
    xs = x.tolist()
    n = len(xs)
    lines = (nan_list(n), nan_list(n), nan_list(n))
    for start, end in finite_runs(x):
        _macd_run(xs, lines, start, end, shorter, longer, signal)
    return Outputs(macd=np.array(lines[0]), signal=np.array(lines[1]), histogram=np.array(lines[2]))


def _native_macd(values, fast, slow, signal):
    """macd.ts in C (averages.c), which walks the finite runs itself and writes every entry of the lines.
    Periods go through fit_period: a slow or signal period over n gives all NaN either way, and fast <= slow
    here, so a fast period over n comes with a slow one over n."""
    x = np.ascontiguousarray(as_float64(values))
    n = len(x)
    lines = np.empty(n), np.empty(n), np.empty(n)
    _native.macd(x, *lines, *(native.fit_period(p, n) for p in (fast, slow, signal)))
    return Outputs(macd=lines[0], signal=lines[1], histogram=lines[2])


def _macd_run(x, lines, start, end, fast, slow, signal):
    slow_first = start + slow - 1
    if slow_first + signal - 1 >= end:
        return
    fast_ema, slow_ema, signal_ema = SeededEma(fast), SeededEma(slow), SeededEma(signal)
    for i in range(start, slow_first):
        slow_ema.push(x[i])
    for i in range(slow_first - fast + 1, slow_first):
        fast_ema.push(x[i])
    line, signal_line, histogram = lines
    for i in range(slow_first, end):
        v = x[i]
        slow_ema.push(v)
        fast_ema.push(v)
        m = fast_ema.value - slow_ema.value
        if signal_ema.push(m):
            line[i] = m
            signal_line[i] = signal_ema.value
            histogram[i] = m - signal_ema.value
