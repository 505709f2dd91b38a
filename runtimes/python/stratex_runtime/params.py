"""Parameters: the strategy's PARAMS defaults overridden by the request, typed by the defaults."""
import json
import math

from stratex_runtime.job_error import JobError

_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def resolve_params(defaults, overrides):
    """The parameters the strategy sees. Unknown names or values that do not fit the default's type
    are INVALID_REQUEST; a default of None takes any value as given."""
    if defaults is None:
        defaults = {}
    if not isinstance(defaults, dict) or not all(isinstance(k, str) for k in defaults):
        raise JobError("STRATEGY_ERROR", "PARAMS must be a dict with string keys")
    resolved = dict(defaults)
    for name, value in (overrides or {}).items():
        if name not in defaults:
            known = ", ".join(defaults) or "none"
            raise JobError("INVALID_REQUEST", f"unknown parameter {name!r} (the strategy's parameters: {known})")
        resolved[name] = _typed(name, defaults[name], value)
    return resolved


def _typed(name, default, value):
    if default is None:
        return value
    kind = type(default)
    try:
        converted = _CONVERTERS.get(_kind(default), _same_type)(value, kind)
    except (ValueError, TypeError, OverflowError):
        converted = None
    if converted is None:
        raise JobError(
            "INVALID_REQUEST",
            f"parameter {name!r}: expected {_describe(default)} like the default {default!r}, got {value!r}",
        )
    return converted


def _kind(default):
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, str):
        return "str"
    return "other"


def _to_bool(value, _kind):
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    return None


def _to_int(value, _kind):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    number = float(value.strip()) if isinstance(value, str) else value
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return None


def _to_float(value, _kind):
    if isinstance(value, bool):
        return None
    number = float(value.strip()) if isinstance(value, str) else value
    if isinstance(number, (int, float)) and not math.isnan(number):
        return float(number)
    return None


def _to_str(value, _kind):
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def _same_type(value, kind):
    if isinstance(value, str) and kind is not str:
        value = json.loads(value)
    return value if isinstance(value, kind) else None


_CONVERTERS = {"bool": _to_bool, "int": _to_int, "float": _to_float, "str": _to_str}


def _describe(default):
    return {"bool": "true or false", "int": "an integer", "float": "a number", "str": "a string"}.get(
        _kind(default), f"a {type(default).__name__}"
    )


def params_for_json(params):
    """The resolved parameters as strict JSON values (the host reports them with the result)."""
    return {k: _json_value(v) for k, v in params.items()}


def _json_value(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    item = getattr(value, "item", None)
    return _json_value(item()) if callable(item) else repr(value)
