"""Standard deviation over a moving window (port of stddev.ts)."""
import math

import numpy as np

from stratex.kernels import native
from stratex.kernels.rolling_variance import VARIANCE_EPSILON, rolling_mean_variance
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("variance")


def stddev(values, period):
    """Population standard deviation, TA-Lib STDDEV: sqrt(Σx²/n - (Σx/n)²), 0 when not positive."""
    period = check_period("stddev", "period", period)
    x = as_float64(values)
    if _native is not None:
        return native.single(_native.stddev, x, period)  # the C copy of stddev.ts
    xs = x.tolist()
    out = nan_list(len(xs))

    def emit(i, _mean, variance):
        out[i] = 0.0 if variance < VARIANCE_EPSILON else math.sqrt(variance)

    for start, end in finite_runs(x):
        rolling_mean_variance(xs, start, end, period, emit)
    return np.array(out)
