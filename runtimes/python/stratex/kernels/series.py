"""Input handling shared by every kernel (port of packages/indicators/src/input.ts)."""
import math

import numpy as np


def as_float64(values):
    """The input as a float64 numpy array (lists, tuples and pandas Series accepted)."""
    to_numpy = getattr(values, "to_numpy", None)
    return np.asarray(to_numpy() if callable(to_numpy) else values, dtype=np.float64)


def check_period(fn, name, value):
    """A period must be a positive integer (an integral float such as 20.0 counts, as in JavaScript)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{fn}: {name} must be a positive integer, got {value!r}")
    if not (math.isfinite(value) and float(value).is_integer() and value > 0):
        raise ValueError(f"{fn}: {name} must be a positive integer, got {_js(value)}")
    return int(value)


def check_positive(fn, name, value):
    """A positive finite number (multipliers, accelerations)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{fn}: {name} must be a positive number, got {value!r}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{fn}: {name} must be a positive number, got {_js(value)}")
    return float(value)


def check_same_length(fn, *inputs):
    n = len(inputs[0])
    for x in inputs:
        if len(x) != n:
            raise ValueError(f"{fn}: inputs must have the same length ({n} vs {len(x)})")
    return n


def finite_runs(*inputs):
    """The maximal runs [start, end) where every input is finite (CONTRACT.md section 7: leading NaNs
    are skipped, an interior NaN restarts the warm-up). Without NaNs: one run over everything."""
    n = len(inputs[0])
    finite = np.ones(n, dtype=bool)
    for x in inputs:
        finite &= np.isfinite(x)
    edges = np.flatnonzero(np.diff(np.concatenate(([False], finite, [False])).astype(np.int8)))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def nan_list(n):
    """A new output of `n` entries, all NaN (built as a list: the kernels loop in plain Python floats)."""
    return [math.nan] * n


def _js(value):
    """A number as JavaScript's String() writes it, so error messages read the same in both languages."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)
