"""A strategy's return value as plain buffers: float64 or uint8 arrays, scalars, nested dicts.

Ranges and lengths are the engine's normaliser's business (packages/core/src/output); here a value
only has to be numbers. The tree that describes the buffers is JSON:
`{"array": i, "dtype": "f8"|"u1"}`, `{"scalar": x}` (x a number or "NaN"/"Infinity"/"-Infinity"),
`null`, or `{"dict": {name: node}}`.
"""
import math
import sys

import numpy as np

from stratex_runtime.job_error import JobError

BOOLEAN_KEYS = frozenset(("entries", "exits", "short_entries", "short_exits", "shortEntries", "shortExits"))
MAX_DEPTH = 3


def encode_output(value, max_bytes):
    """(tree, buffers) for what `strategy` returned; STRATEGY_ERROR naming the key when it cannot be sent."""
    if not isinstance(value, dict):
        raise JobError("STRATEGY_ERROR", f"strategy must return a dict, got {_type_name(value)}")
    buffers = []
    tree = _encode_dict(value, buffers, "", 1)
    size = sum(b.nbytes for b in buffers)
    if size > max_bytes:
        raise JobError("STRATEGY_ERROR", f"the result is larger than the limit of {max_bytes} bytes ({size} bytes)")
    return tree, buffers


def _encode_dict(value, buffers, path, depth):
    if depth > MAX_DEPTH:
        raise JobError("STRATEGY_ERROR", f"key {path!r}: dicts nest too deeply")
    entries = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise JobError("STRATEGY_ERROR", f"result keys must be strings, got {key!r}")
        name = f"{path}.{key}" if path else key
        entries[key] = _encode(item, buffers, name, depth, depth == 1 and key in BOOLEAN_KEYS)
    return {"dict": entries}


def _encode(value, buffers, name, depth, boolean):
    if value is None:
        return None
    if isinstance(value, dict):
        return _encode_dict(value, buffers, name, depth + 1)
    if isinstance(value, (bool, int, float, np.bool_, np.number)) and not isinstance(value, complex):
        return {"scalar": _scalar(value, name)}
    array = _as_array(value, name)
    dtype = _wire_dtype(array, boolean)
    buffers.append(np.ascontiguousarray(array, dtype=np.uint8 if dtype == "u1" else np.float64))
    return {"array": len(buffers) - 1, "dtype": dtype}


def _scalar(value, name):
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise JobError("STRATEGY_ERROR", f"key {name!r}: {_type_name(value)} is not a number") from None
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    return number


def _as_array(value, name):
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(value, pandas.DataFrame):
        raise JobError("STRATEGY_ERROR", f"key {name!r}: a DataFrame is not a series; return one column")
    if pandas is not None and isinstance(value, (pandas.Series, pandas.Index)):
        value = value.to_numpy()
    if not isinstance(value, (np.ndarray, list, tuple)):
        raise JobError("STRATEGY_ERROR", f"key {name!r}: cannot send a {_type_name(value)}; use an array or a number")
    array = np.asarray(value)
    if array.ndim != 1:
        raise JobError("STRATEGY_ERROR", f"key {name!r}: expected one value per bar, got shape {array.shape}")
    if array.dtype.kind in "biuf":
        return array
    try:
        return array.astype(np.float64)
    except (TypeError, ValueError):
        raise JobError("STRATEGY_ERROR", f"key {name!r}: holds values that are not numbers") from None


def _wire_dtype(array, boolean):
    """uint8 for booleans and for 0/1 integers under a boolean key; float64 for everything else."""
    if array.dtype.kind == "b" and boolean:
        return "u1"
    if boolean and array.dtype.kind in "iu" and bool(np.all((array == 0) | (array == 1))):
        return "u1"
    return "f8"


def _type_name(value):
    return type(value).__name__
