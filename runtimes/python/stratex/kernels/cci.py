"""Commodity channel index (port of cci.ts, including its four-accumulator sums over the ring)."""
import numpy as np

from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.series import check_period, nan_list


def cci(high, low, close, period):
    """(tp - SMA(tp)) / (0.015 * mean deviation), tp = (high + low + close) / 3 (TA-Lib CCI)."""
    period = check_period("cci", "period", period)
    (h, l, c), runs, n = price_inputs("cci", high, low, close)
    out = nan_list(n)
    window = [0.0] * period
    for start, end in runs:
        if end - start < period:
            continue
        slot = 0
        for i in range(start, end):
            tp = (h[i] + l[i] + c[i]) / 3
            window[slot] = tp
            slot = 0 if slot + 1 == period else slot + 1
            if i >= start + period - 1:
                out[i] = _cci_of_window(window, tp, period)
    return np.array(out)


def _cci_of_window(window, last, period):
    quads = period - period % 4
    s0 = s1 = s2 = s3 = 0.0
    for j in range(0, quads, 4):
        s0 += window[j]
        s1 += window[j + 1]
        s2 += window[j + 2]
        s3 += window[j + 3]
    for j in range(quads, period):
        s0 += window[j]
    mean = (s0 + s1 + (s2 + s3)) / period
    s0 = s1 = s2 = s3 = 0.0
    for j in range(0, quads, 4):
        s0 += abs(window[j] - mean)
        s1 += abs(window[j + 1] - mean)
        s2 += abs(window[j + 2] - mean)
        s3 += abs(window[j + 3] - mean)
    for j in range(quads, period):
        s0 += abs(window[j] - mean)
    deviation = s0 + s1 + (s2 + s3)
    distance = last - mean
    return distance / (0.015 * (deviation / period)) if distance != 0 and deviation != 0 else 0.0
