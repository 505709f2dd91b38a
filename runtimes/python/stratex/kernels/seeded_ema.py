"""One EMA stage fed a value at a time, seeded with the SMA of its first `period` inputs (port of seeded-ema.ts)."""


class SeededEma:
    __slots__ = ("value", "count", "total", "period", "k")

    def __init__(self, period):
        self.value = 0.0
        self.count = 0
        self.total = 0.0
        self.period = period
        self.k = 2 / (period + 1)

    def push(self, x):
        """Feeds one value; True once the stage has a value (from its `period`-th input on)."""
        if self.count == self.period:
            self.value = (x - self.value) * self.k + self.value
            return True
        self.total += x
        self.count += 1
        if self.count < self.period:
            return False
        self.value = self.total / self.period
        return True
