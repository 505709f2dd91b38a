"""Crossings of two series (port of packages/indicators/src/cross.ts)."""
import numpy as np

from stratex.kernels.series import as_float64, check_same_length


def cross_above(a, b):
    """True at bar t when a[t] > b[t] and a[t-1] <= b[t-1], all four finite; False elsewhere."""
    check_same_length("cross_above", a, b)
    return _crossings(as_float64(a), as_float64(b))


def cross_below(a, b):
    """True at bar t when a[t] < b[t] and a[t-1] >= b[t-1], all four finite; False elsewhere."""
    check_same_length("cross_below", a, b)
    return _crossings(as_float64(b), as_float64(a))


def _crossings(a, b):
    out = np.zeros(len(a), dtype=bool)
    if len(a) > 1:
        a0, b0, a1, b1 = a[:-1], b[:-1], a[1:], b[1:]
        finite = np.isfinite(a0) & np.isfinite(b0) & np.isfinite(a1) & np.isfinite(b1)
        out[1:] = (a1 > b1) & (a0 <= b0) & finite
    return out
