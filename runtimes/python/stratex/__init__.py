"""The stratex SDK for Python strategies: `data`, `indicators`, and the `ctx` of `on_bar`.

A strategy may write `from stratex import indicators`; the runner also injects `indicators` as a
global, so the import is optional.
"""
from stratex import indicators
from stratex.context import Context
from stratex.data import Data

__version__ = "0.1.0"
__all__ = ["Context", "Data", "indicators", "__version__"]
