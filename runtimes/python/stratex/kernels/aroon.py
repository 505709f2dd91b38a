"""Aroon up/down (port of aroon.ts)."""
import numpy as np

from stratex.kernels.outputs import Outputs
from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.rolling_extremes import scan_extremes
from stratex.kernels.series import check_period, nan_list
from stratex.kernels import native
from stratex.kernels.stochastic_kernel import _native


def aroon(high, low, period=14):
    """{down, up}: 100 * (period - bars since the lowest low / highest high) / period (TA-Lib AROON)."""
    period = check_period("aroon", "period", period)
    if _native is not None:
        h, l = native.arrays("aroon", high, low)
        down, up = np.empty(len(h)), np.empty(len(h))
        _native.aroon(h, l, down, up, native.fit_period(period, len(h)))
        return Outputs(down=down, up=up)
    (h, l), runs, n = price_inputs("aroon", high, low)
    down, up = nan_list(n), nan_list(n)
    highest = [0] * n
    lowest = [0] * n
    factor = 100 / period
    for start, end in runs:
        scan_extremes(h, "max", start, end, period + 1, highest)
        scan_extremes(l, "min", start, end, period + 1, lowest)
        for i in range(start + period, end):
            up[i] = factor * (period - (i - highest[i]))
            down[i] = factor * (period - (i - lowest[i]))
    return Outputs(down=np.array(down), up=np.array(up))
