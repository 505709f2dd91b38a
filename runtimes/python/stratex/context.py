"""`ctx`, what `on_bar(ctx)` sees at bar t: the bars so far, the target it set, cached indicators.

Mirrors the JavaScript SDK (runtimes/node/src/isolate/bar-context.ts) call for call, so an event-style
strategy gives the same arrays in both languages.
"""
import math

from stratex import indicators as _indicators

_CLOSE = ("close",)
_HLC = ("high", "low", "close")
# The data columns each indicator reads, in its argument order; numbers passed to ctx.indicator follow.
_PRICE_INPUTS = {
    **dict.fromkeys(("sma", "ema", "wma", "dema", "tema", "kama", "rsi", "macd", "bollinger"), _CLOSE),
    **dict.fromkeys(("stddev", "roc", "mom", "trix", "stoch_rsi"), _CLOSE),
    **dict.fromkeys(("atr", "natr", "adx", "plus_di", "minus_di", "willr", "cci", "stoch", "ultosc"), _HLC),
    **dict.fromkeys(("aroon", "sar"), ("high", "low")),
    "obv": ("close", "volume"),
    "mfi": ("high", "low", "close", "volume"),
    "vwap": ("high", "low", "close", "volume", "timestamp"),
}
# Any spelling folds to one name: plus_di, plusDi and PlusDI are the same indicator.
_BY_FOLDED_NAME = {name.replace("_", ""): name for name in _PRICE_INPUTS}


class Context:
    """The event-style view of one bar. `ctx.close[-1]` is the bar that just closed."""

    __slots__ = ("params", "_data", "_t", "_target", "_levels", "_used", "_cache")

    def __init__(self, data, params):
        self.params = params
        self._data = data
        self._t = 0
        self._target = 0.0
        self._levels = (math.nan, math.nan, math.nan)
        self._used = [False, False, False]
        self._cache = {}

    @property
    def position(self):
        """The target this strategy has set (stops and take-profits do not change it)."""
        return self._target

    @property
    def bar(self):
        """The number of the current bar (0-based)."""
        return self._t

    @property
    def open(self):
        return self._data.open[: self._t + 1]

    @property
    def high(self):
        return self._data.high[: self._t + 1]

    @property
    def low(self):
        return self._data.low[: self._t + 1]

    @property
    def close(self):
        return self._data.close[: self._t + 1]

    @property
    def volume(self):
        return self._data.volume[: self._t + 1]

    @property
    def timestamp(self):
        return self._data.timestamp[: self._t + 1]

    def buy(self, size=1, stop_loss=None, take_profit=None, trailing_stop=None):
        """Target a long position of `size` (fraction of equity); levels are fractions of the entry price."""
        self._order(1, "buy", size, stop_loss, take_profit, trailing_stop)

    def sell(self, size=1, stop_loss=None, take_profit=None, trailing_stop=None):
        """Target a short position of `size`; levels are fractions of the entry price."""
        self._order(-1, "sell", size, stop_loss, take_profit, trailing_stop)

    def close_position(self):
        """Target no position (and forget the levels)."""
        self._target = 0.0
        self._levels = (math.nan, math.nan, math.nan)

    def indicator(self, name, *args):
        """Indicator `name` over bars 0..t; its price inputs come from the data (`values` is the close).

        Indicators are causal, so each one is computed once over the whole series and sliced per bar.
        Multi-output indicators (macd, bollinger, …) give a dict of sliced arrays.
        """
        canonical = _BY_FOLDED_NAME.get(name.replace("_", "").lower()) if isinstance(name, str) else None
        if canonical is None:
            raise ValueError(f"ctx.indicator: unknown indicator {name!r} (known: {', '.join(_PRICE_INPUTS)})")
        if any(not isinstance(a, (int, float, str)) for a in args):
            raise TypeError(f"ctx.indicator({canonical!r}, ...): arguments must be numbers, e.g. ctx.indicator('sma', 50)")
        key = (canonical, args)
        full = self._cache.get(key)
        if full is None:
            inputs = [getattr(self._data, column) for column in _PRICE_INPUTS[canonical]]
            full = self._cache[key] = getattr(_indicators, canonical)(*inputs, *args)
        end = self._t + 1
        if isinstance(full, dict):
            return {k: v[:end] for k, v in full.items()}
        return full[:end]

    def _order(self, sign, verb, size, stop_loss, take_profit, trailing_stop):
        if isinstance(size, bool) or not isinstance(size, (int, float)) or not 0 <= size <= 1:
            raise ValueError(f"ctx.{verb}: size must be a number in [0, 1], got {size!r}")
        self._target = sign * float(size)
        self._levels = (
            _level(verb, "stop_loss", stop_loss, 1.0),
            _level(verb, "take_profit", take_profit, math.inf),
            _level(verb, "trailing_stop", trailing_stop, 1.0),
        )
        for k, value in enumerate(self._levels):
            self._used[k] = self._used[k] or not math.isnan(value)


def _level(verb, name, value, below):
    """A level as a fraction of the entry price in (0, below); None or NaN means none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < below:
        bounds = "(0, 1)" if below == 1.0 else "> 0"
        raise ValueError(f"ctx.{verb}: {name} must be a fraction of the entry price {bounds}, got {value!r}")
    return float(value)
