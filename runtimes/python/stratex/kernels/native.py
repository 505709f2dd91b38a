"""The native (C) copy of a kernel family, when it was built and is not switched off.

Each family in runtimes/python/native/<family>.c is a C copy of its TypeScript kernel, operation for
operation, built by `npm install` (scripts/build-native.mjs) into stratex/_native. Without a C compiler,
or with STRATEX_PY_KERNELS=python, the pure-Python ports run instead: slower, with the same numbers (the
parity tests run both).
"""
import importlib
import os

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


def loaded():
    """The names of the native families in use in this process (for tests and diagnostics)."""
    return sorted(name for name, module in _loaded.items() if module is not None)
