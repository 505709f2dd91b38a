"""Turns an `on_bar(ctx)` strategy into the `position` and per-bar stop arrays the engine reads."""
import numpy as np

from stratex.context import Context


def run_on_bar(on_bar, data, params):
    """Calls `on_bar` once per bar and records the target and, at the bars that set it, its levels."""
    n = len(data)
    position = np.empty(n)
    levels = np.full((3, n), np.nan)
    ctx = Context(data, params)
    for t in range(n):
        ctx._t = t
        ctx._levels = None
        on_bar(ctx)
        position[t] = ctx.position
        if ctx._levels is not None:
            levels[:, t] = ctx._levels
    return {
        "position": position,
        "stop_loss": levels[0],
        "take_profit": levels[1],
        "trailing_stop": levels[2],
    }
