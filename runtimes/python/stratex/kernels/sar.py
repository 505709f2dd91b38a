"""Wilder's parabolic SAR (port of sar.ts)."""
import math

import numpy as np

from stratex.kernels import native
from stratex.kernels.price_inputs import price_arrays, price_inputs
from stratex.kernels.series import check_positive, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("trend")


def sar(high, low, acceleration=0.02, maximum=0.2):
    """TA-Lib SAR: a trailing stop accelerating toward the trend's extreme point, reversing when crossed."""
    acceleration = check_positive("sar", "acceleration", acceleration)
    maximum = check_positive("sar", "maximum", maximum)
    step = min(acceleration, maximum)
    if _native is not None:
        (h, l), runs, n = price_arrays("sar", high, low)
        out = np.full(n, np.nan)
        for start, end in runs:
            if end - start >= 2:
                _native.sar_run(h, l, out, start, end, step, maximum)
        return out
    (h, l), runs, n = price_inputs("sar", high, low)
    out = nan_list(n)
    for start, end in runs:
        if end - start >= 2:
            _sar_run(h, l, start, end, step, maximum, out)
    return np.array(out)


def _sar_run(h, l, start, end, step, maximum, out):
    first = start + 1
    up = h[first] - h[start]
    down = l[start] - l[first]
    is_long = not (down > 0 and up < down)
    ep = h[first] if is_long else l[first]
    stop = l[start] if is_long else h[start]
    af = step
    for i in range(first, end):
        prev_high = h[first] if i == first else h[i - 1]
        prev_low = l[first] if i == first else l[i - 1]
        if is_long:
            if l[i] <= stop:
                is_long = False
                stop = max(ep, prev_high, h[i])
                if stop == 0:
                    stop = _js_zero_max(stop, prev_high, h[i])
                out[i] = stop
                af = step
                ep = l[i]
                stop = max(stop + af * (ep - stop), prev_high, h[i])
                if stop == 0:
                    stop = _js_zero_max(stop, prev_high, h[i])
                continue
            out[i] = stop
            if h[i] > ep:
                ep = h[i]
                af = min(af + step, maximum)
            stop = min(stop + af * (ep - stop), prev_low, l[i])
            if stop == 0:
                stop = _js_zero_min(stop, prev_low, l[i])
        else:
            if h[i] >= stop:
                is_long = True
                stop = min(ep, prev_low, l[i])
                if stop == 0:
                    stop = _js_zero_min(stop, prev_low, l[i])
                out[i] = stop
                af = step
                ep = h[i]
                stop = min(stop + af * (ep - stop), prev_low, l[i])
                if stop == 0:
                    stop = _js_zero_min(stop, prev_low, l[i])
                continue
            out[i] = stop
            if l[i] < ep:
                ep = l[i]
                af = min(af + step, maximum)
            stop = max(stop + af * (ep - stop), prev_high, h[i])
            if stop == 0:
                stop = _js_zero_max(stop, prev_high, h[i])


# Python's max/min keep the first of equal arguments, JavaScript's Math.max/Math.min prefer +0/-0: when
# the stop comes out zero, its sign is recomputed as sar.ts gets it. `stop` is the first zero among the
# arguments (those before it are nonzero), so looking at it and the later two suffices.
def _js_zero_max(stop, b, c):
    return 0.0 if any(v == 0 and math.copysign(1.0, v) > 0 for v in (stop, b, c)) else -0.0


def _js_zero_min(stop, b, c):
    return -0.0 if any(v == 0 and math.copysign(1.0, v) < 0 for v in (stop, b, c)) else 0.0
