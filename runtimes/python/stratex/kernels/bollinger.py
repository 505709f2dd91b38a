"""Bollinger bands (port of bollinger.ts)."""
import math

import numpy as np

from stratex.kernels import native
from stratex.kernels.outputs import Outputs
from stratex.kernels.rolling_variance import VARIANCE_EPSILON, rolling_mean_variance
from stratex.kernels.series import as_float64, check_period, check_positive, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("variance")


def bollinger(values, period=20, deviations=2):
    """{upper, middle, lower}: SMA(period) ± deviations × population stddev (TA-Lib BBANDS, SMA middle)."""
    period = check_period("bollinger", "period", period)
    deviations = check_positive("bollinger", "deviations", deviations)
    x = as_float64(values)
    if _native is not None:
        # The C copy of bollinger.ts walks the finite runs itself and writes every entry of the bands.
        upper, middle, lower = np.empty(len(x)), np.empty(len(x)), np.empty(len(x))
        _native.bollinger(np.ascontiguousarray(x), upper, middle, lower, native.fit_period(period, len(x)), deviations)
        return Outputs(upper=upper, middle=middle, lower=lower)
    xs = x.tolist()
    n = len(xs)
    upper, middle, lower = nan_list(n), nan_list(n), nan_list(n)

    def emit(i, mean, variance):
        width = 0.0 if variance < VARIANCE_EPSILON else math.sqrt(variance) * deviations
        middle[i] = mean
        upper[i] = mean + width
        lower[i] = mean - width

    for start, end in finite_runs(x):
        rolling_mean_variance(xs, start, end, period, emit, squares_by_reciprocal=True)
    return Outputs(upper=np.array(upper), middle=np.array(middle), lower=np.array(lower))
