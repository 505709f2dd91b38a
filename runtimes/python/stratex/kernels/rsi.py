"""Relative strength index (port of rsi.ts, including its multiplicative Wilder smoothing)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.near_zero import is_near_zero
from stratex.kernels.series import as_float64, check_period, finite_runs, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("momentum")


def rsi(values, period=14):
    """100 * avgGain / (avgGain + avgLoss) over 1-bar moves, Wilder-smoothed (TA-Lib RSI)."""
    period = check_period("rsi", "period", period)
    x = as_float64(values)
    if _native is not None:
        return native.single(_native.rsi, x, period)  # the C copy of rsi-kernel.ts
    xs = x.tolist()
    out = nan_list(len(xs))
    for start, end in finite_runs(x):
        _rsi_run(xs, out, start, end, period)
    return np.array(out)


def _rsi_run(x, out, start, end, period):
    if end - start <= period:
        return
    gain = 0.0
    loss = 0.0
    prev = x[start]
    for i in range(start + 1, start + period + 1):
        move = x[i] - prev
        prev = x[i]
        if move < 0:
            loss -= move
        else:
            gain += move
    gain /= period
    loss /= period
    out[start + period] = _ratio(gain, loss)
    keep = (period - 1) / period
    half = 0.5 / period
    for i in range(start + period + 1, end):
        v = x[i]
        move = v - prev
        prev = v
        size = abs(move)
        gain = gain * keep + (size + move) * half
        loss = loss * keep + (size - move) * half
        out[i] = _ratio(gain, loss)


def _ratio(gain, loss):
    total = gain + loss
    return 0.0 if is_near_zero(total) else 100 * (gain / total)
