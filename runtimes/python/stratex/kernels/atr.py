"""Average true range and its normalised form (port of atr.ts)."""
import numpy as np

from stratex.kernels.near_zero import is_near_zero
from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.series import check_period, nan_list
from stratex.kernels.true_range import true_range_at


def atr(high, low, close, period):
    """Wilder's smoothing of the true range, seeded with the mean of bars 1..period (TA-Lib ATR)."""
    return _average_true_range("atr", high, low, close, period, False)


def natr(high, low, close, period):
    """100 * ATR / close, 0 where the close is (near) zero (TA-Lib NATR)."""
    return _average_true_range("natr", high, low, close, period, True)


def _average_true_range(fn, high, low, close, period, normalise):
    period = check_period(fn, "period", period)
    (h, l, c), runs, n = price_inputs(fn, high, low, close)
    out = nan_list(n)
    for start, end in runs:
        if end - start <= period:
            continue
        total = 0.0
        for i in range(start + 1, start + period + 1):
            total += true_range_at(h, l, c, i)
        value = total / period
        out[start + period] = _percent_of_close(value, c[start + period]) if normalise else value
        for i in range(start + period + 1, end):
            value = (value * (period - 1) + true_range_at(h, l, c, i)) / period
            out[i] = _percent_of_close(value, c[i]) if normalise else value
    return np.array(out)


def _percent_of_close(value, close):
    return 0.0 if is_near_zero(close) else (value / close) * 100
