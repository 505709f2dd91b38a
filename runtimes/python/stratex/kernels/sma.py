"""Simple moving average (port of packages/indicators/src/sma.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.series import as_float64, check_period, finite_runs

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("variance")


def sma(values, period):
    """The mean of the last `period` values (TA-Lib SMA, running sum); NaN during warm-up."""
    period = check_period("sma", "period", period)
    x = as_float64(values)
    if _native is not None:
        return native.single(_native.sma, x, period)  # the C copy of sma-kernel.ts
    out = np.full(len(x), np.nan)
    for start, end in finite_runs(x):
        if end - start >= period:
            out[start + period - 1 : end] = _running_sums(x[start:end], period) / period
    return out


def _running_sums(seg, period):
    """The sums sma.ts divides, from the same additions in the same order, without a Python loop.

    sma.ts adds the first `period` values one by one, then per bar adds the new value (the sum it
    divides) and subtracts the oldest. As a - b is exactly a + (-b), that sequence is one sequential
    cumulative sum of [0, x0 … x(p-1), -x0, xp, -x1, x(p+1), …], read after every addition.
    """
    later = len(seg) - period
    steps = np.empty(1 + period + 2 * later)
    steps[0] = 0.0
    steps[1 : period + 1] = seg[:period]
    steps[period + 1 :: 2] = -seg[:later]
    steps[period + 2 :: 2] = seg[period:]
    return np.cumsum(steps)[period::2]
