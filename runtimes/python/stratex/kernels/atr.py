"""Average true range and its normalised form (port of atr.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.near_zero import is_near_zero
from stratex.kernels.price_inputs import price_arrays, price_inputs
from stratex.kernels.series import check_period, nan_list
from stratex.kernels.true_range import true_range_at

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("trend")


def atr(high, low, close, period):
    """Wilder's smoothing of the true range, seeded with the mean of bars 1..period (TA-Lib ATR)."""
    return _average_true_range("atr", high, low, close, period, False)


def natr(high, low, close, period):
    """100 * ATR / close, 0 where the close is (near) zero (TA-Lib NATR)."""
    return _average_true_range("natr", high, low, close, period, True)


def _average_true_range(fn, high, low, close, period, normalise):
    period = check_period(fn, "period", period)
    if _native is not None:
        (h, l, c), runs, n = price_arrays(fn, high, low, close)
        out = np.full(n, np.nan)
        for start, end in runs:
            if end - start > period:  # shorter runs stay NaN (and C bounds its periods)
                _native.atr_run(h, l, c, out, start, end, period, normalise)
        return out
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
