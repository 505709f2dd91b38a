"""On-balance volume (port of obv.ts)."""
import numpy as np

from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.series import nan_list


def obv(close, volume):
    """A running total of volume, added on rising closes and subtracted on falling ones (TA-Lib OBV)."""
    (c, v), runs, n = price_inputs("obv", close, volume)
    out = nan_list(n)
    for start, end in runs:
        total = v[start]
        out[start] = total
        for i in range(start + 1, end):
            if c[i] > c[i - 1]:
                total += v[i]
            elif c[i] < c[i - 1]:
                total -= v[i]
            out[i] = total
    return np.array(out)
