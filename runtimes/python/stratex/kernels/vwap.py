"""Volume-weighted average price, restarting each UTC day (port of vwap.ts)."""
import math

import numpy as np

from stratex.kernels import native
from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.series import nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("momentum")

DAY_MS = 86_400_000


def vwap(high, low, close, volume, timestamp=None):
    """Σ typical price × volume / Σ volume since the session began: a UTC day when `timestamp` (ms) is
    given, else the whole series. NaN while the session has no volume yet."""
    series = (high, low, close, volume) if timestamp is None else (high, low, close, volume, timestamp)
    if _native is not None:
        return _native_vwap(series)
    inputs, runs, n = price_inputs("vwap", *series)
    h, l, c, v = inputs[:4]
    t = inputs[4] if timestamp is not None else None
    out = nan_list(n)
    for start, end in runs:
        price_volume = total_volume = 0.0
        day = math.floor(t[start] / DAY_MS) if t is not None else 0
        for i in range(start, end):
            if t is not None:
                bar_day = math.floor(t[i] / DAY_MS)
                if bar_day != day:
                    day = bar_day
                    price_volume = total_volume = 0.0
            price_volume += ((h[i] + l[i] + c[i]) / 3) * v[i]
            total_volume += v[i]
            out[i] = math.nan if total_volume == 0 else price_volume / total_volume
    return np.array(out)


def _native_vwap(series):
    """vwap() on the C copy of vwap.ts (one session per finite run, or UTC days when a timestamp is given),
    which walks the finite runs itself and writes every entry of out."""
    inputs = native.arrays("vwap", *series)
    out = np.empty(len(inputs[0]))
    kernel = _native.vwap if len(series) == 4 else _native.daily_vwap
    kernel(*inputs, out)
    return out
