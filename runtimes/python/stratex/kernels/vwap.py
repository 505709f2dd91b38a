"""Volume-weighted average price, restarting each UTC day (port of vwap.ts)."""
import math

import numpy as np

from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.series import nan_list

DAY_MS = 86_400_000


def vwap(high, low, close, volume, timestamp=None):
    """Σ typical price × volume / Σ volume since the session began: a UTC day when `timestamp` (ms) is
    given, else the whole series. NaN while the session has no volume yet."""
    series = (high, low, close, volume) if timestamp is None else (high, low, close, volume, timestamp)
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
