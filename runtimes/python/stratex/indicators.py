"""The indicator set of CONTRACT.md section 7, in snake_case.

Each function is a port of its TypeScript kernel in packages/indicators/src with the same order of
floating-point operations, so a Python strategy and a JavaScript one see bit-identical numbers (and
both match TA-Lib, see ../shared/data/golden). Inputs: numpy arrays, lists or pandas Series; outputs:
float64 numpy arrays aligned to the input, NaN during warm-up; multi-output indicators return a dict
that also reads as attributes (`macd(close).signal`).
"""
from stratex.kernels.aroon import aroon
from stratex.kernels.atr import atr, natr
from stratex.kernels.bollinger import bollinger
from stratex.kernels.cci import cci
from stratex.kernels.change import mom, roc
from stratex.kernels.cross import cross_above, cross_below
from stratex.kernels.directional import adx, minus_di, plus_di
from stratex.kernels.ema import ema
from stratex.kernels.ema_chain import dema, tema, trix
from stratex.kernels.kama import kama
from stratex.kernels.macd import macd
from stratex.kernels.mfi import mfi
from stratex.kernels.obv import obv
from stratex.kernels.rsi import rsi
from stratex.kernels.sar import sar
from stratex.kernels.sma import sma
from stratex.kernels.stddev import stddev
from stratex.kernels.stoch import stoch
from stratex.kernels.stoch_rsi import stoch_rsi
from stratex.kernels.ultosc import ultosc
from stratex.kernels.vwap import vwap
from stratex.kernels.willr import willr
from stratex.kernels.wma import wma

__all__ = [
    "adx", "aroon", "atr", "bollinger", "cci", "cross_above", "cross_below", "dema", "ema", "kama", "macd",
    "mfi", "minus_di", "mom", "natr", "obv", "plus_di", "roc", "rsi", "sar", "sma", "stddev", "stoch",
    "stoch_rsi", "tema", "trix", "ultosc", "vwap", "willr", "wma",
]
