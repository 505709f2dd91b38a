"""Wilder's true range of one bar (port of true-range.ts), in TA-Lib's order of operations."""


def true_range_at(h, l, c, i):
    prev_close = c[i - 1]
    rng = h[i] - l[i]
    up = abs(prev_close - h[i])
    if up > rng:
        rng = up
    down = abs(prev_close - l[i])
    if down > rng:
        rng = down
    return rng
