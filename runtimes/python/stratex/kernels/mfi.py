"""Money flow index (port of mfi.ts)."""
import numpy as np

from stratex.kernels import native
from stratex.kernels.price_inputs import price_inputs
from stratex.kernels.series import check_period, nan_list

# Loaded when this module is imported (in the zygote, before any job): a job cannot load libraries.
_native = native.family("momentum")


def mfi(high, low, close, volume, period=14):
    """100 * positive flow / total flow over `period` bars; 0 when the total is below 1 (TA-Lib MFI)."""
    period = check_period("mfi", "period", period)
    if _native is not None:
        # The C copy of mfi.ts walks the finite runs itself and writes every entry of out.
        inputs = native.arrays("mfi", high, low, close, volume)
        out = np.empty(len(inputs[0]))
        _native.mfi(*inputs, out, native.fit_period(period, len(out)))
        return out
    (h, l, c, v), runs, n = price_inputs("mfi", high, low, close, volume)
    out = nan_list(n)
    positive = [0.0] * period
    negative = [0.0] * period
    for start, end in runs:
        if end - start <= period:
            continue
        pos_sum = neg_sum = 0.0
        prev_tp = (h[start] + l[start] + c[start]) / 3
        slot = 0
        for i in range(start + 1, end):
            if i > start + period:
                pos_sum -= positive[slot]
                neg_sum -= negative[slot]
            tp = (h[i] + l[i] + c[i]) / 3
            flow = tp * v[i]
            positive[slot] = flow if tp > prev_tp else 0.0
            negative[slot] = flow if tp < prev_tp else 0.0
            pos_sum += positive[slot]
            neg_sum += negative[slot]
            prev_tp = tp
            slot = 0 if slot + 1 == period else slot + 1
            if i < start + period:
                continue
            total = pos_sum + neg_sum
            out[i] = 0.0 if total < 1 else 100 * (pos_sum / total)
    return np.array(out)
