"""One job in a freshly forked child: limit, validate, run the user's strategy once, send the result."""
import ast
import builtins
import linecache
import os
import random
import sys
import time
import warnings

import numpy as np
import numpy.linalg  # noqa: F401  numpy 2 imports these lazily: once here (in the zygote), not per job
import numpy.random

import stratex
from stratex import indicators
from stratex.data import Data
from stratex.on_bar import run_on_bar
from stratex_runtime.framing import RESULT_LENGTH, encode_frame, write_all
from stratex_runtime.job_error import JobError
from stratex_runtime.job_seccomp import load_filter
from stratex_runtime.limits import apply_limits, die_with_parent
from stratex_runtime.log_capture import LogCapture
from stratex_runtime.output import encode_output
from stratex_runtime.params import params_for_json, resolve_params
from stratex_runtime.strategy_error import USER_FILE, strategy_error
from stratex_runtime.user_builtins import user_builtins
from stratex_runtime.validation import validate

RESULT_FD = 3
COLUMNS = ("timestamp", "open", "high", "low", "close", "volume")


def run_child(job, columns, result_fd, pandas_loaded, forked_at, zygote_pid, job_filter=None):
    """Never returns: the child writes one frame to `result_fd` and exits."""
    started = time.monotonic()
    die_with_parent(zygote_pid)
    _keep_only(result_fd)
    apply_limits(job["memoryMb"], job["timeoutMs"], pandas_loaded)
    load_filter(job_filter)
    logs = LogCapture()
    sys.stdout = sys.stderr = logs
    warnings.simplefilter("ignore")
    random.seed(0)
    np.random.seed(0)
    try:
        header, buffers = _execute(job, columns)
    except JobError as e:
        header, buffers = {"ok": False, "error": e.body()}, []
    except MemoryError:
        header, buffers = _memory_error(), []
    except BaseException:
        header, buffers = {"ok": False, "error": {"code": "INTERNAL", "message": "the Python runner failed"}}, []
    header["logs"] = logs.text()
    header["forkMs"] = (started - forked_at) * 1000
    header["childMs"] = (time.monotonic() - started) * 1000
    _send(header, buffers)
    os._exit(0)


def _keep_only(result_fd):
    """The result pipe becomes fd 3; stdin/stdout read/write nothing; every other inherited fd closes."""
    os.dup2(result_fd, RESULT_FD)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.closerange(RESULT_FD + 1, 1 << 16)


def _execute(job, columns):
    """(header, buffers) of a successful job; JobError (or MemoryError) otherwise."""
    bypass = job.get("bypassValidation") is True  # tests only: prove the sandbox without the validator
    try:
        tree = ast.parse(job["code"]) if bypass else validate(job["code"])
    except (SyntaxError, ValueError) as e:
        raise strategy_error(e) from None
    namespace = _load(job["code"], tree, builtins.__dict__ if bypass else user_builtins())
    params = resolve_params(namespace.get("PARAMS"), job.get("params"))
    data = Data(**dict(zip(COLUMNS, columns)))
    style, fn = _entry_point(namespace)
    began = time.monotonic()
    try:
        returned = fn(data, dict(params)) if style == "vectorized" else run_on_bar(fn, data, dict(params))
    except MemoryError:
        raise
    except BaseException as e:
        raise strategy_error(e) from None
    ran = time.monotonic()
    tree, buffers = encode_output(returned, job["maxOutputBytes"])
    header = {"ok": True, "style": style, "params": params_for_json(params), "output": tree}
    header["strategyMs"] = (ran - began) * 1000
    header["encodeMs"] = (time.monotonic() - ran) * 1000
    return header, buffers


def _load(code, tree, user_globals_builtins):
    """Runs the module body in the user's own globals (restricted built-ins, `indicators` injected)."""
    linecache.cache[USER_FILE] = (len(code), None, code.splitlines(True), USER_FILE)
    namespace = {"__name__": "strategy", "__builtins__": user_globals_builtins, "indicators": indicators}
    try:
        exec(compile(tree, USER_FILE, "exec"), namespace)
    except MemoryError:
        raise
    except BaseException as e:
        raise strategy_error(e) from None
    return namespace


def _entry_point(namespace):
    strategy, on_bar = namespace.get("strategy"), namespace.get("on_bar")
    if callable(strategy) and callable(on_bar):
        raise JobError("STRATEGY_ERROR", "define either strategy(data, params) or on_bar(ctx), not both")
    if callable(strategy):
        return "vectorized", strategy
    if callable(on_bar):
        return "event", on_bar
    raise JobError("STRATEGY_ERROR", "the file defines neither strategy(data, params) nor on_bar(ctx)")


def _memory_error():
    return {"ok": False, "error": {"code": "MEMORY_LIMIT", "message": "the strategy ran out of memory"}}


def _send(header, buffers):
    header["sdkVersion"] = stratex.__version__
    try:
        frame = encode_frame(header, buffers)
    except MemoryError:
        frame = encode_frame(dict(_memory_error(), logs=header.get("logs", "")))
    write_all(RESULT_FD, RESULT_LENGTH.pack(len(frame)))
    write_all(RESULT_FD, frame)
