"""The parts STOCH and Stochastic RSI share (port of stochastic-kernel.ts)."""
import math

import numpy as np

from stratex.kernels.rolling_extremes import scan_extremes
from stratex.kernels.series import finite_runs, nan_list
from stratex.kernels.sma import sma


def raw_k(high, low, close, period):
    """100 * (close - lowest low) / (highest high - lowest low) over `period` bars, 0 for a zero range.
    Takes lists; `high is low is close` (Stochastic RSI) checks one series for finiteness."""
    n = len(close)
    out = nan_list(n)
    highest = [0] * n
    lowest = [0] * n
    same = high is low and low is close
    inputs = [np.array(close)] if same else [np.array(high), np.array(low), np.array(close)]
    for start, end in finite_runs(*inputs):
        scan_extremes(high, "max", start, end, period, highest)
        scan_extremes(low, "min", start, end, period, lowest)
        for i in range(start + period - 1, end):
            lo = low[lowest[i]]
            rng = (high[highest[i]] - lo) / 100
            out[i] = (close[i] - lo) / rng if rng != 0 else 0.0
    return out


def smooth_k(raw, k_smooth, d_smooth):
    """(k, d): k = SMA(raw, k_smooth), d = SMA(k, d_smooth); k is NaN wherever d still is."""
    k = sma(raw, k_smooth)
    d = sma(k, d_smooth)
    k[np.isnan(d)] = math.nan
    return k, d
