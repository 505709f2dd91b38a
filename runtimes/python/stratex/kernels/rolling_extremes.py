"""Where the rolling maximum / minimum sits (port of rolling-extremes.ts): a monotonic deque of indices."""
from collections import deque


def scan_extremes(values, kind, start, end, window, at):
    """For each bar i of [start, end), at[i] = index of the max (or min) of values[max(start, i-window+1)..i];
    on ties the most recent bar wins, as TA-Lib's AROON counts it."""
    sign = 1.0 if kind == "max" else -1.0
    ring = deque()
    for i in range(start, end):
        if ring and ring[0] <= i - window:
            ring.popleft()
        v = sign * values[i]
        while ring and sign * values[ring[-1]] <= v:
            ring.pop()
        ring.append(i)
        at[i] = ring[0]
