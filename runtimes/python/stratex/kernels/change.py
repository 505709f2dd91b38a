"""Change over a fixed lookback: momentum and rate of change (port of change.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("momentum")


def mom(values, period):
    """x - x[-period] (TA-Lib MOM)."""
    period = check_period("mom", "period", period)
    if _native is not None:
        return native.single(_native.mom, values, period)
    x = as_float64(values)
    xs = x.tolist()
    out = nan_list(len(xs))
    for start, end in finite_runs(x):
        for i in range(start + period, end):
            out[i] = xs[i] - xs[i - period]
    return np.array(out)


def roc(values, period):
    """(x / x[-period] - 1) * 100, 0 when x[-period] is 0 (TA-Lib ROC)."""
    period = check_period("roc", "period", period)
    if _native is not None:
        return native.single(_native.roc, values, period)
    x = as_float64(values)
    xs = x.tolist()
    out = nan_list(len(xs))
    for start, end in finite_runs(x):
        for i in range(start + period, end):
            before = xs[i - period]
            out[i] = (xs[i] / before - 1) * 100 if before != 0 else 0.0
    return np.array(out)
