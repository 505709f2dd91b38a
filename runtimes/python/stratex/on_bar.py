"""Turns an `on_bar(ctx)` strategy into the `position` target and the stop arrays the engine reads
(as runtimes/node/src/isolate/run-on-bar.ts does for `onBar`)."""
import numpy as np

from stratex.context import Context

LEVELS = ("stop_loss", "take_profit", "trailing_stop")


def run_on_bar(on_bar, data, params):
    """Calls `on_bar` once per bar; records the target and the current levels at every bar, and returns
    the level arrays the strategy used."""
    n = len(data)
    position = np.empty(n)
    levels = np.empty((3, n))
    ctx = Context(data, params)
    for t in range(n):
        ctx._t = t
        on_bar(ctx)
        position[t] = ctx._target
        levels[:, t] = ctx._levels
    output = {"position": position}
    output.update((name, levels[k]) for k, name in enumerate(LEVELS) if ctx._used[k])
    return output
