# Editor stub for `ctx`, what on_bar(ctx) receives at bar t (arrays hold bars 0..t).
from typing import Any

import numpy as np
import numpy.typing as npt

class Context:
    params: dict[str, Any]
    @property
    def position(self) -> float: ...  # the target set so far (stops do not change it)
    @property
    def bar(self) -> int: ...
    @property
    def open(self) -> npt.NDArray[np.float64]: ...
    @property
    def high(self) -> npt.NDArray[np.float64]: ...
    @property
    def low(self) -> npt.NDArray[np.float64]: ...
    @property
    def close(self) -> npt.NDArray[np.float64]: ...
    @property
    def volume(self) -> npt.NDArray[np.float64]: ...
    @property
    def timestamp(self) -> npt.NDArray[np.int64]: ...
    def buy(
        self,
        size: float = 1,
        stop_loss: float | None = None,
        take_profit: float | None = None,
        trailing_stop: float | None = None,
    ) -> None: ...
    def sell(
        self,
        size: float = 1,
        stop_loss: float | None = None,
        take_profit: float | None = None,
        trailing_stop: float | None = None,
    ) -> None: ...
    def close_position(self) -> None: ...
    def indicator(self, name: str, *args: float) -> Any: ...
