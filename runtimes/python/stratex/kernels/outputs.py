"""The result of a multi-output indicator (macd, bollinger, stoch, stoch_rsi, aroon)."""


class Outputs(dict):
    """A dict of named arrays that also reads as attributes: `m["signal"]` or `m.signal`."""

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
