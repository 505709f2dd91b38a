"""Wilder's directional movement system: +DI, -DI and ADX (port of directional.ts)."""
import math

import numpy as np

from stratex.kernels import native
from stratex.kernels.near_zero import is_near_zero
from stratex.kernels.price_inputs import price_arrays, price_inputs
from stratex.kernels.series import check_period, nan_list
from stratex.kernels.true_range import true_range_at

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("trend")

# The `want` codes of the native directional_run.
_NATIVE_WANT = {"plus": 0, "minus": 1, "adx": 2}


def plus_di(high, low, close, period):
    """100 * smoothed(+DM) / smoothed(TR) (TA-Lib PLUS_DI)."""
    return _directional("plus_di", high, low, close, period, "plus")


def minus_di(high, low, close, period):
    """100 * smoothed(-DM) / smoothed(TR) (TA-Lib MINUS_DI)."""
    return _directional("minus_di", high, low, close, period, "minus")


def adx(high, low, close, period):
    """Wilder's average of DX = 100 * |+DI - -DI| / (+DI + -DI) (TA-Lib ADX)."""
    return _directional("adx", high, low, close, period, "adx")


def _directional(fn, high, low, close, period, want):
    period = check_period(fn, "period", period)
    if _native is not None:
        (h, l, c), runs, n = price_arrays(fn, high, low, close)
        out = np.full(n, np.nan)
        for start, end in runs:
            if end - start > period:  # shorter runs stay NaN (and C bounds its periods)
                _native.directional_run(h, l, c, out, start, end, period, _NATIVE_WANT[want])
        return out
    (h, l, c), runs, n = price_inputs(fn, high, low, close)
    out = nan_list(n)
    for start, end in runs:
        _run(h, l, c, start, end, period, want, out)
    return np.array(out)


def _run(h, l, c, start, end, period, want, out):
    if end - start <= period:
        return
    plus_dm = minus_dm = tr = 0.0
    for i in range(start + 1, start + period):
        up = h[i] - h[i - 1]
        down = l[i - 1] - l[i]
        if down > 0 and up < down:
            minus_dm += down
        elif up > 0 and up > down:
            plus_dm += up
        tr += true_range_at(h, l, c, i)
    first_adx = start + 2 * period - 1
    sum_dx = adx_value = 0.0
    for i in range(start + period, end):
        up = h[i] - h[i - 1]
        down = l[i - 1] - l[i]
        plus_dm -= plus_dm / period
        minus_dm -= minus_dm / period
        if down > 0 and up < down:
            minus_dm += down
        elif up > 0 and up > down:
            plus_dm += up
        tr = tr - tr / period + true_range_at(h, l, c, i)
        zero_range = is_near_zero(tr)
        plus = 0.0 if zero_range else 100 * (plus_dm / tr)
        minus = 0.0 if zero_range else 100 * (minus_dm / tr)
        if want != "adx":
            out[i] = plus if want == "plus" else minus
            continue
        total = minus + plus
        dx = math.nan if zero_range or is_near_zero(total) else 100 * (abs(minus - plus) / total)
        if i <= first_adx:
            if not math.isnan(dx):
                sum_dx += dx
            if i == first_adx:
                adx_value = sum_dx / period
                out[i] = adx_value
            continue
        if not math.isnan(dx):
            adx_value = (adx_value * (period - 1) + dx) / period
        out[i] = adx_value
