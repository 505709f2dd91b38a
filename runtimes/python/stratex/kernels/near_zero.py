"""TA-Lib's "is zero" test for denominators (port of near-zero.ts): |v| < 1e-14."""

TA_EPSILON = 1e-14


def is_near_zero(v):
    return -TA_EPSILON < v < TA_EPSILON
