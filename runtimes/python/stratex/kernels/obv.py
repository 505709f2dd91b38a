"""On-balance volume (port of obv.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.series import nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("momentum")


def obv(close, volume):
    """A running total of volume, added on rising closes and subtracted on falling ones (TA-Lib OBV)."""
    if _native is not None:
        # The C copy of obv.ts walks the finite runs itself and writes every entry of out.
        inputs = native.arrays("obv", close, volume)
        out = np.empty(len(inputs[0]))
        _native.obv(*inputs, out)
        return out
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
