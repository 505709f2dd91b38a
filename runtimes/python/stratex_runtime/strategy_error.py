"""A user's exception as STRATEGY_ERROR: their line, their frames only, no host paths."""
import os
import re
import sys
import traceback

from stratex_runtime.job_error import JobError

USER_FILE = "strategy.py"
_HOST_PREFIXES = sorted(
    {p for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.dirname(__file__))) if p},
    key=len,
    reverse=True,
)


def strategy_error(exc):
    """JobError for an exception raised while the user's code ran (the SDK's own frames are dropped)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == USER_FILE]
    line = frames[-1].lineno if frames else None
    if isinstance(exc, SyntaxError) and exc.filename == USER_FILE:
        line = exc.lineno
    summary = scrub("".join(traceback.format_exception_only(type(exc), exc)).strip())
    tb = "".join(["Traceback (most recent call last):\n", *traceback.format_list(frames)]) if frames else ""
    where = f" (line {line})" if line else ""
    headline = summary.splitlines()[-1] if summary else type(exc).__name__
    return JobError("STRATEGY_ERROR", f"{headline}{where}", line=line, traceback=tb + summary)


_UNDER_PREFIX = re.compile(r"<python>[^\s'\"()]*")


def scrub(text):
    """`text` without the host's files (an import error names the file it looked in)."""
    for prefix in _HOST_PREFIXES:
        text = text.replace(prefix, "<python>")
    return _UNDER_PREFIX.sub("<python>", text)
