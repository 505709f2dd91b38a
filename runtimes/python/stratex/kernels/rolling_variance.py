"""TA-Lib's running-sum variance, shared by STDDEV and BBANDS (as stddev.ts and bollinger.ts compute it).

The pure-Python port: with the native "variance" family built, stddev and bollinger run its C copies
(native/variance.c) instead.
"""

VARIANCE_EPSILON = 1e-14


def rolling_mean_variance(x, start, end, period, emit, squares_by_reciprocal=False):
    """Calls emit(i, mean, variance) for each bar of [start + period - 1, end) of one finite run.

    squares_by_reciprocal: Σx² × (1 / period) instead of Σx² / period, as bollinger.ts computes it.
    """
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
    reciprocal = 1 / period
    for i in range(first, end):
        v = x[i]
        total += v
        squares += v * v
        mean = total / period
        mean_square = squares * reciprocal if squares_by_reciprocal else squares / period
        variance = mean_square - mean * mean
        old = x[t]
        t += 1
        total -= old
        squares -= old * old
        emit(i, mean, variance)
