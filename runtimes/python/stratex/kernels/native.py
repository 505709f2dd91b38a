"""The native (C) copy of a kernel family, when it was built and is not switched off.

Each family in runtimes/python/native/<family>.c is a C copy of its TypeScript kernel, operation for
operation, built by `npm install` (scripts/build-native.mjs) into stratex/_native. Without a C compiler,
or with STRATEX_PY_KERNELS=python, the pure-Python ports run instead: slower, with the same numbers (the
parity tests run both).
"""
import importlib
import os

import numpy as np

from stratex.kernels.series import as_float64, check_same_length

_switched_off = os.environ.get("STRATEX_PY_KERNELS") == "python"
_loaded = {}


def family(name):
    """The native module of kernel family `name` (e.g. "cci"), or None to use the Python port."""
    if _switched_off:
        return None
    if name not in _loaded:
        try:
            _loaded[name] = importlib.import_module(f"stratex._native.{name}")
        except ImportError:
            _loaded[name] = None
    return _loaded[name]


def fit_period(period, n):
    """A period for C: one past the series' length gives the same all-NaN output as any longer one, and
    a period beyond C's integers (check_period accepts 1e30) gets there without an OverflowError (C
    bounds periods, Python does not)."""
    return min(period, n + 1)


def arrays(fn, *inputs):
    """The inputs, checked to have one length, as the C-contiguous float64 arrays C takes."""
    check_same_length(fn, *inputs)
    return [np.ascontiguousarray(as_float64(x)) for x in inputs]


def single(kernel, values, period):
    """One series in, one out, through a native `kernel` that walks the finite runs itself and writes
    every entry of out (NaN in gaps and warm-ups)."""
    x = np.ascontiguousarray(as_float64(values))
    out = np.empty(len(x))
    kernel(x, out, fit_period(period, len(x)))
    return out


def loaded():
    """The names of the native families in use in this process (for tests and diagnostics)."""
    return sorted(name for name, module in _loaded.items() if module is not None)
