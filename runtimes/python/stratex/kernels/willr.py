"""Williams' %R (port of willr.ts)."""
import numpy as np

from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.rolling_extremes import scan_extremes
from stratex.kernels.series import check_period, nan_list
from stratex.kernels import native
from stratex.kernels.stochastic_kernel import _native

WILLIAMS_R = 1  # ranges.c's kind for range_position (range-position.ts WILLIAMS_R)


def willr(high, low, close, period):
    """-100 * (highest high - close) / (highest high - lowest low), 0 when the range is 0 (TA-Lib WILLR)."""
    period = check_period("willr", "period", period)
    if _native is not None:
        h, l, c = native.arrays("willr", high, low, close)
        out = np.empty(len(c))
        _native.range_position(h, l, c, out, native.fit_period(period, len(c)), WILLIAMS_R)
        return out
    (h, l, c), runs, n = price_inputs("willr", high, low, close)
    out = nan_list(n)
    highest = [0] * n
    lowest = [0] * n
    for start, end in runs:
        scan_extremes(h, "max", start, end, period, highest)
        scan_extremes(l, "min", start, end, period, lowest)
        for i in range(start + period - 1, end):
            hi = h[highest[i]]
            rng = (hi - l[lowest[i]]) / -100
            out[i] = (hi - c[i]) / rng if rng != 0 else 0.0
    return np.array(out)
