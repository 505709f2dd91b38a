"""Williams' %R (port of willr.ts)."""
import numpy as np

from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.rolling_extremes import scan_extremes
from stratex.kernels.series import check_period, nan_list


def willr(high, low, close, period):
    """-100 * (highest high - close) / (highest high - lowest low), 0 when the range is 0 (TA-Lib WILLR)."""
    period = check_period("willr", "period", period)
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
