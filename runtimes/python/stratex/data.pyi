# Editor stub for `data`, what strategy(data, params) receives.
import numpy as np
import numpy.typing as npt
import pandas as pd

class Data:
    timestamp: npt.NDArray[np.int64]  # bar open time, ms UTC
    open: npt.NDArray[np.float64]
    high: npt.NDArray[np.float64]
    low: npt.NDArray[np.float64]
    close: npt.NDArray[np.float64]
    volume: npt.NDArray[np.float64]
    def __len__(self) -> int: ...
    @property
    def df(self) -> pd.DataFrame: ...  # open high low close volume, indexed by UTC bar open time
