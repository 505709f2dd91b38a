"""The candles a strategy receives: numpy columns, `len(data)`, and a lazy pandas view."""
import numpy as np

COLUMNS = ("open", "high", "low", "close", "volume")


class Data:
    """`open high low close volume` (float64) and `timestamp` (int64 ms UTC, bar open time).

    The arrays are read-only: a strategy cannot change the candles it (or a later bar) is given.
    """

    __slots__ = ("timestamp", "open", "high", "low", "close", "volume", "_df")

    def __init__(self, timestamp, open, high, low, close, volume):
        self.timestamp = _frozen(np.asarray(timestamp).astype(np.int64))
        self.open = _frozen(np.asarray(open, dtype=np.float64))
        self.high = _frozen(np.asarray(high, dtype=np.float64))
        self.low = _frozen(np.asarray(low, dtype=np.float64))
        self.close = _frozen(np.asarray(close, dtype=np.float64))
        self.volume = _frozen(np.asarray(volume, dtype=np.float64))
        self._df = None

    def __len__(self):
        return len(self.close)

    @property
    def df(self):
        """A pandas DataFrame of the five price columns, indexed by the bar open time (UTC), made on first use."""
        if self._df is None:
            import pandas as pd

            index = pd.DatetimeIndex(pd.to_datetime(self.timestamp, unit="ms", utc=True), name="time")
            self._df = pd.DataFrame({name: getattr(self, name) for name in COLUMNS}, index=index)
        return self._df


def _frozen(array):
    array.flags.writeable = False
    return array
