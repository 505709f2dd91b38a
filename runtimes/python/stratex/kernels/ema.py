"""Exponential moving average (port of ema.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("averages")


def ema(values, period):
    """TA-Lib EMA: seeded with the SMA of the first `period` inputs, then ema += (x - ema) * 2/(period+1)."""
    period = check_period("ema", "period", period)
    if _native is not None:
        return native.single(_native.ema, values, period)
    x = as_float64(values)
    xs = x.tolist()
    out = nan_list(len(xs))
    for start, end in finite_runs(x):
        first = start + period - 1
        if first >= end:
            continue
        total = 0.0
        for i in range(start, first + 1):
            total += xs[i]
        value = total / period
        out[first] = value
        k = 2 / (period + 1)
        for i in range(first + 1, end):
            value = (xs[i] - value) * k + value
            out[i] = value
    return np.array(out)
