"""Simple moving average (port of packages/indicators/src/sma.ts)."""
import numpy as np

from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list


def sma(values, period):
    """The mean of the last `period` values (TA-Lib SMA, running sum); NaN during warm-up."""
    period = check_period("sma", "period", period)
    x = as_float64(values)
    out = nan_list(len(x))
    xs = x.tolist()
    for start, end in finite_runs(x):
        _sma_run(xs, out, start, end, period)
    return np.array(out)


def _sma_run(x, out, start, end, period):
    if end - start < period:
        return
    total = 0.0
    i = start
    warm = start + period - 1
    while i < warm:
        total += x[i]
        i += 1
    trailing = start
    for i in range(warm, end):
        total += x[i]
        value = total
        total -= x[trailing]
        trailing += 1
        out[i] = value / period
