"""Slow stochastic oscillator (port of stoch.ts)."""
from stratex.kernels.outputs import Outputs
from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.series import check_period
from stratex.kernels import native
from stratex.kernels.stochastic_kernel import _native, native_slow_stochastic, raw_k, smooth_k


def stoch(high, low, close, k_period=14, k_smooth=3, d_smooth=3):
    """{k, d}: raw %K over k_period bars, k = SMA(raw, k_smooth), d = SMA(k, d_smooth) (TA-Lib STOCH)."""
    k_period = check_period("stoch", "k_period", k_period)
    k_smooth = check_period("stoch", "k_smooth", k_smooth)
    d_smooth = check_period("stoch", "d_smooth", d_smooth)
    if _native is not None:
        h, l, c = native.arrays("stoch", high, low, close)
        k, d = native_slow_stochastic(h, l, c, k_period, k_smooth, d_smooth)
        return Outputs(k=k, d=d)
    (h, l, c), _runs, _n = price_inputs("stoch", high, low, close)
    k, d = smooth_k(raw_k(h, l, c, k_period), k_smooth, d_smooth)
    return Outputs(k=k, d=d)
