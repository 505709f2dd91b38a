"""Commodity channel index (port of cci.ts: its compensated running sum and four-accumulator deviation)."""
import sys

import numpy as np

from stratex.kernels import native
from stratex.kernels.price_inputs import price_arrays, price_inputs
from stratex.kernels.series import check_period, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("cci")


def cci(high, low, close, period):
    """(tp - SMA(tp)) / (0.015 * mean deviation), tp = (high + low + close) / 3 (TA-Lib CCI)."""
    period = check_period("cci", "period", period)
    if _native is not None:
        (h, l, c), runs, n = price_arrays("cci", high, low, close)
        out = np.full(n, np.nan)
        for start, end in runs:
            if end - start >= period:
                _native.cci_run(h, l, c, out, start, end, period)
        return out
    (h, l, c), runs, n = price_inputs("cci", high, low, close)
    out = nan_list(n)
    window = [0.0] * period
    for start, end in runs:
        if end - start < period:
            continue
        _cci_run(h, l, c, out, start, end, period, window)
    return np.array(out)


def _cci_run(h, l, c, out, start, end, period, window):
    """The window's sum runs as total + error (TwoSum adds and subtracts, renormalised per ring turn)."""
    first = start + period - 1
    slot = 0
    total = 0.0
    error = 0.0
    for i in range(start, end):
        tp = (h[i] + l[i] + c[i]) / 3
        leaving = window[slot]
        window[slot] = tp
        slot = 0 if slot + 1 == period else slot + 1
        nxt = total + tp
        part = nxt - total
        error += total - (nxt - part) + (tp - part)
        total = nxt
        if i >= first:
            if i > first:
                nxt = total - leaving
                part = nxt - total
                error += total - (nxt - part) + (-leaving - part)
                total = nxt
                if slot == 0:
                    nxt = total + error
                    error -= nxt - total
                    total = nxt
            out[i] = _cci_of_window(window, tp, (total + error) / period)


# A mean deviation at or below this fraction of the mean is rounding in a flat window (cci.ts: FLAT_WINDOW).
FLAT_WINDOW = 4 * sys.float_info.epsilon


def _cci_of_window(window, last, mean):
    period = len(window)
    s0 = s1 = s2 = s3 = 0.0
    j = 3
    while j < period:
        s0 += abs(window[j - 3] - mean)
        s1 += abs(window[j - 2] - mean)
        s2 += abs(window[j - 1] - mean)
        s3 += abs(window[j] - mean)
        j += 4
    for k in range(j - 3, period):
        s0 += abs(window[k] - mean)
    deviation = s0 + s1 + (s2 + s3)
    distance = last - mean
    if distance == 0 or deviation <= period * abs(mean) * FLAT_WINDOW:
        return 0.0
    return distance / (0.015 * (deviation / period))
