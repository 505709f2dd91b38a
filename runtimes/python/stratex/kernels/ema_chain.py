"""Chained EMAs: DEMA, TEMA and TRIX (port of ema-chain.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.seeded_ema import SeededEma
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("averages")


def dema(values, period):
    """2 * EMA(x) - EMA(EMA(x)), each stage seeded with the SMA of its own first inputs (TA-Lib DEMA)."""
    period = check_period("dema", "period", period)
    if _native is not None:
        return native.single(_native.dema, values, period)
    xs, runs, out = _prepare(values)
    for start, end in runs:
        e1, e2 = SeededEma(period), SeededEma(period)
        for i in range(start, end):
            if e1.push(xs[i]) and e2.push(e1.value):
                out[i] = 2 * e1.value - e2.value
    return np.array(out)


def tema(values, period):
    """3 * EMA1 - 3 * EMA2 + EMA3 of chained EMAs (TA-Lib TEMA)."""
    period = check_period("tema", "period", period)
    if _native is not None:
        return native.single(_native.tema, values, period)
    xs, runs, out = _prepare(values)
    for start, end in runs:
        e1, e2, e3 = SeededEma(period), SeededEma(period), SeededEma(period)
        for i in range(start, end):
            if e1.push(xs[i]) and e2.push(e1.value) and e3.push(e2.value):
                out[i] = e3.value + (3 * e1.value - 3 * e2.value)
    return np.array(out)


def trix(values, period):
    """1-bar rate of change in percent of the triple EMA (TA-Lib TRIX); 0 when the previous value is 0."""
    period = check_period("trix", "period", period)
    if _native is not None:
        return native.single(_native.trix, values, period)
    xs, runs, out = _prepare(values)
    for start, end in runs:
        e1, e2, e3 = SeededEma(period), SeededEma(period), SeededEma(period)
        previous = 0.0
        has_previous = False
        for i in range(start, end):
            if e1.push(xs[i]) and e2.push(e1.value) and e3.push(e2.value):
                if has_previous:
                    out[i] = (e3.value / previous - 1) * 100 if previous != 0 else 0.0
                previous = e3.value
                has_previous = True
    return np.array(out)


def _prepare(values):
    x = as_float64(values)
    return x.tolist(), finite_runs(x), nan_list(len(x))
