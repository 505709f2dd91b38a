"""Change over a fixed lookback: momentum and rate of change (port of change.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("momentum")


def _native_change(run, values, period):
    """`run` (the native mom_run or roc_run) over each finite run of `values`."""
    x = np.ascontiguousarray(as_float64(values))
    out = np.full(len(x), np.nan)
    for start, end in finite_runs(x):
        # A run of <= period bars has no value and stays NaN (and no huge period reaches C).
        if end - start > period:
            run(x, out, start, end, period)
    return out


def mom(values, period):
    """x - x[-period] (TA-Lib MOM)."""
    period = check_period("mom", "period", period)
    if _native is not None:
        return _native_change(_native.mom_run, values, period)
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
        return _native_change(_native.roc_run, values, period)
    x = as_float64(values)
    xs = x.tolist()
    out = nan_list(len(xs))
    for start, end in finite_runs(x):
        for i in range(start + period, end):
            before = xs[i - period]
            out[i] = (xs[i] / before - 1) * 100 if before != 0 else 0.0
    return np.array(out)
