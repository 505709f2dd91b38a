"""Weighted moving average (port of wma.ts), with TA-Lib's running update."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("averages")


def wma(values, period):
    """Weights 1..period (newest heaviest) over period * (period + 1) / 2 (TA-Lib WMA)."""
    period = check_period("wma", "period", period)
    if _native is not None:
        return native.single(_native.wma, values, period)
    x = as_float64(values)
    xs = x.tolist()
    out = nan_list(len(xs))
    for start, end in finite_runs(x):
        _wma_run(xs, out, start, end, period)
    return np.array(out)


def _wma_run(x, out, start, end, period):
    first = start + period - 1
    if first >= end:
        return
    if period == 1:
        out[start:end] = x[start:end]
        return
    divider = (period * (period + 1)) / 2
    weighted = 0.0
    plain = 0.0
    for i in range(start, first):
        plain += x[i]
        weighted += x[i] * (i - start + 1)
    trailing = 0.0
    t = start
    for i in range(first, end):
        v = x[i]
        plain += v
        plain -= trailing
        weighted += v * period
        trailing = x[t]
        t += 1
        out[i] = weighted / divider
        weighted -= plain
