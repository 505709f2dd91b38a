"""TA-Lib's running-sum variance, shared by STDDEV and BBANDS (as stddev.ts and bollinger.ts compute it)."""

VARIANCE_EPSILON = 1e-14


def rolling_mean_variance(x, start, end, period, emit):
    """Calls emit(i, mean, variance) for each bar of [start + period - 1, end) of one finite run."""
    first = start + period - 1
    if first >= end:
        return
    total = 0.0
    squares = 0.0
    for i in range(start, first):
        v = x[i]
        total += v
        squares += v * v
    t = start
    for i in range(first, end):
        v = x[i]
        total += v
        squares += v * v
        mean = total / period
        variance = squares / period - mean * mean
        old = x[t]
        t += 1
        total -= old
        squares -= old * old
        emit(i, mean, variance)
