"""Stochastic RSI in its charting form, "Stoch RSI 14 14 3 3" (port of stoch-rsi.ts)."""
import numpy as np

from stratex.kernels.outputs import Outputs
from stratex.kernels.rsi import rsi
from stratex.kernels.series import check_period
from stratex.kernels.stochastic_kernel import _native, native_slow_stochastic, raw_k, smooth_k


def stoch_rsi(values, rsi_period=14, stoch_period=14, k_smooth=3, d_smooth=3):
    """{k, d}: the slow stochastic of RSI(rsi_period) with the RSI as high, low and close."""
    rsi_period = check_period("stoch_rsi", "rsi_period", rsi_period)
    stoch_period = check_period("stoch_rsi", "stoch_period", stoch_period)
    k_smooth = check_period("stoch_rsi", "k_smooth", k_smooth)
    d_smooth = check_period("stoch_rsi", "d_smooth", d_smooth)
    if _native is not None:
        r = np.ascontiguousarray(rsi(values, rsi_period), dtype=np.float64)
        k, d = native_slow_stochastic(r, r, r, stoch_period, k_smooth, d_smooth)
        return Outputs(k=k, d=d)
    r = rsi(values, rsi_period).tolist()
    k, d = smooth_k(raw_k(r, r, r, stoch_period), k_smooth, d_smooth)
    return Outputs(k=k, d=d)
