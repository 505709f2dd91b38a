"""The parts STOCH and Stochastic RSI share (port of stochastic-kernel.ts)."""
import math

import numpy as np

from stratex.kernels import native
from stratex.kernels.rolling_extremes import scan_extremes
from stratex.kernels.series import finite_runs, nan_list
from stratex.kernels.sma import sma

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
# ranges.c is the C copy of rolling-extremes.ts, range-position.ts, stochastic-kernel.ts and aroon.ts.
_native = native.family("ranges")






def native_slow_stochastic(high, low, close, k_period, k_smooth, d_smooth):
    """(k, d) from ranges.slow_stochastic (stochastic-kernel.ts slowStochastic); high, low and close may
    be one array (stoch_rsi), which takes the one-series path as in TS."""
    n = len(close)
    k = np.empty(n)
    d = np.empty(n)
    _native.slow_stochastic(high, low, close, k, d, *(native.fit_period(p, n) for p in (k_period, k_smooth, d_smooth)))
    return k, d


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
