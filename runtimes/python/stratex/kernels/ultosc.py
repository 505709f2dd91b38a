"""Ultimate oscillator (port of ultosc.ts, with its rings and primed running sums)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.near_zero import is_near_zero
from stratex.kernels.price_inputs import price_arrays, price_inputs
from stratex.kernels.series import check_period, nan_list
from stratex.kernels.true_range import true_range_at

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("trend")


def ultosc(high, low, close, period1=7, period2=14, period3=28):
    """100 * (4 A1 + 2 A2 + A3) / 7 of buying pressure over true range per period (TA-Lib ULTOSC)."""
    periods = sorted(
        [check_period("ultosc", "period1", period1), check_period("ultosc", "period2", period2)]
        + [check_period("ultosc", "period3", period3)]
    )
    if _native is not None:
        (h, l, c), runs, n = price_arrays("ultosc", high, low, close)
        out = np.full(n, np.nan)
        for start, end in runs:
            if end - start > periods[2]:  # shorter runs stay NaN (and C bounds its periods)
                _native.ultosc_run(h, l, c, out, start, end, *periods)
        return out
    (h, l, c), runs, n = price_inputs("ultosc", high, low, close)
    out = nan_list(n)
    pressure = [0.0] * periods[2]
    rng = [0.0] * periods[2]
    for start, end in runs:
        _run(h, l, c, start, end, periods, pressure, rng, out)
    return np.array(out)


def _run(h, l, c, start, end, periods, pressure, rng, out):
    p1, p2, p3 = periods
    size = p3
    if end - start <= p3:
        return
    first = start + p3
    for i in range(start + 1, first):
        pressure[i % size] = c[i] - min(l[i], c[i - 1])
        rng[i % size] = true_range_at(h, l, c, i)
    a1 = _ring_sum(pressure, first - p1 + 1, first)
    b1 = _ring_sum(rng, first - p1 + 1, first)
    a2 = _ring_sum(pressure, first - p2 + 1, first)
    b2 = _ring_sum(rng, first - p2 + 1, first)
    a3 = _ring_sum(pressure, first - p3 + 1, first)
    b3 = _ring_sum(rng, first - p3 + 1, first)
    for i in range(first, end):
        slot = i % size
        a = c[i] - min(l[i], c[i - 1])
        b = true_range_at(h, l, c, i)
        pressure[slot] = a
        rng[slot] = b
        a1 += a
        a2 += a
        a3 += a
        b1 += b
        b2 += b
        b3 += b
        weighted = 0.0
        if not is_near_zero(b1):
            weighted += 4 * (a1 / b1)
        if not is_near_zero(b2):
            weighted += 2 * (a2 / b2)
        if not is_near_zero(b3):
            weighted += a3 / b3
        old1, old2, old3 = (i - p1 + 1) % size, (i - p2 + 1) % size, (i - p3 + 1) % size
        a1 -= pressure[old1]
        b1 -= rng[old1]
        a2 -= pressure[old2]
        b2 -= rng[old2]
        a3 -= pressure[old3]
        b3 -= rng[old3]
        out[i] = 100 * (weighted / 7)


def _ring_sum(ring, start, stop):
    total = 0.0
    for i in range(start, stop):
        total += ring[i % len(ring)]
    return total
