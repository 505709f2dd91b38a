"""Calls every function of every built native kernel family with seeded random, mostly wrong, arguments:
wrong types, dtypes, lengths, read-only outputs, runs outside the series, zero, negative and huge
periods. Each call must return or raise a Python exception; a crash kills this process, which the test
sees. Prints a JSON summary: {family: {function: [calls, raised]}}.

Usage: python fuzz_native.py SEED CALLS_PER_FUNCTION [FAMILY]
"""
import importlib
import json
import pkgutil
import random
import sys

import numpy as np

import stratex._native


def candidates(rng, n):
    """Argument values a caller could pass, good and bad."""
    good = np.linspace(100.0, 120.0, n)
    read_only = good.copy()
    read_only.flags.writeable = False
    return [
        good.copy(),
        good.copy(),
        np.full(n, np.nan),
        np.linspace(1.0, 2.0, n + rng.randint(1, 5)),
        np.arange(n, dtype=np.int64),
        np.arange(n, dtype=np.float32),
        good[::2],
        good.reshape(-1, 1),
        read_only,
        [1.0, 2.0],
        None,
        "text",
        0,
        1,
        2,
        3,
        n,
        n + 1,
        -1,
        2**62,
        -(2**62),
        2**70,
        0.5,
        float("nan"),
    ]


def fuzz(seed, calls, only=None):
    rng = random.Random(seed)
    summary = {}
    for info in pkgutil.iter_modules(stratex._native.__path__):
        if only is not None and info.name != only:
            continue
        module = importlib.import_module(f"stratex._native.{info.name}")
        functions = {k: v for k, v in vars(module).items() if callable(v) and not k.startswith("_")}
        summary[info.name] = {}
        for name, function in sorted(functions.items()):
            raised = 0
            # The call about to be made, in case it crashes the process.
            sys.stderr.write(f"{info.name}.{name}\n")
            for _ in range(calls):
                n = rng.choice([0, 1, 2, 5, 40])
                pool = candidates(rng, n)
                args = [rng.choice(pool) for _ in range(rng.randint(0, 10))]
                try:
                    function(*args)
                except Exception:  # noqa: BLE001 - any Python exception is the wanted outcome
                    raised += 1
            summary[info.name][name] = [calls, raised]
    return summary


if __name__ == "__main__":
    print(json.dumps(fuzz(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)))
