"""`ctx`, what `on_bar(ctx)` sees at bar t: the bars so far, the target it set, cached indicators."""
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


class Context:
    """The event-style view of one bar. `ctx.close[-1]` is the bar that just closed."""

    __slots__ = ("params", "_position", "_data", "_t", "_levels", "_cache")

    def __init__(self, data, params):
        self.params = params
        self._position = 0.0
        self._data = data
        self._t = 0
        self._levels = None
        self._cache = {}

    @property
    def position(self):
        """The target this strategy has set (stops and take-profits do not change it)."""
        return self._position

    @property
    def index(self):
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
        """Target a long position of `size` (fraction of equity); stop levels are fractions of the entry price."""
        self._target(_size(size), stop_loss, take_profit, trailing_stop)

    def sell(self, size=1, stop_loss=None, take_profit=None, trailing_stop=None):
        """Target a short position of `size`; stop levels are fractions of the entry price."""
        self._target(-_size(size), stop_loss, take_profit, trailing_stop)

    def close_position(self):
        """Target no position."""
        self._position = 0.0
        self._levels = None

    def indicator(self, name, *args):
        """Indicator `name` over bars 0..t; its price inputs come from the data (`values` is the close).

        Indicators are causal, so each one is computed once over the whole series and sliced per bar.
        Multi-output indicators (macd, bollinger, …) give a dict of sliced arrays.
        """
        key = (name, args)
        full = self._cache.get(key)
        if full is None:
            full = self._cache[key] = _compute(self._data, name, args)
        end = self._t + 1
        if isinstance(full, dict):
            return {k: v[:end] for k, v in full.items()}
        return full[:end]

    def _target(self, position, stop_loss, take_profit, trailing_stop):
        self._position = position
        self._levels = (
            _level("stop_loss", stop_loss, 1.0),
            _level("take_profit", take_profit, math.inf),
            _level("trailing_stop", trailing_stop, 1.0),
        )


def _size(size):
    size = float(size)
    if not 0 <= size <= 1:
        raise ValueError(f"size must be between 0 and 1, got {size}")
    return size


def _level(name, value, upper):
    if value is None:
        return math.nan
    value = float(value)
    if not (math.isnan(value) or 0 < value < upper):
        bound = "greater than 0" if upper == math.inf else "between 0 and 1 (exclusive)"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return value


def _compute(data, name, args):
    snake = _snake(name) if isinstance(name, str) else None
    if snake not in _PRICE_INPUTS:
        raise ValueError(f"unknown indicator {name!r}")
    if any(isinstance(a, bool) or not isinstance(a, (int, float)) for a in args):
        raise TypeError(f"ctx.indicator({name!r}, ...) takes numbers only: its price inputs come from the data")
    inputs = [getattr(data, column) for column in _PRICE_INPUTS[snake]]
    return getattr(_indicators, snake)(*inputs, *args)


def _snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name)
