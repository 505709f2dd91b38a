"""The indicator set of CONTRACT.md section 7 in snake_case (ports of packages/indicators/src)."""
from stratex.kernels.cross import cross_above, cross_below
from stratex.kernels.sma import sma
