"""Resource limits of one job child, set after the fork and before any user code."""
import ctypes
import math
import os
import resource
import signal

# A child forked before the zygote has imported pandas pays pandas' address space itself on first
# use; that should not count against the strategy (measured: ~60 MB of VM for pandas 3).
PANDAS_ALLOWANCE = 96 << 20
_PAGE = resource.getpagesize()
_NO_LIMIT = 1 << 62  # more than any machine has: such a "limit" is no limit


def address_space():
    """The address space in use now, in bytes (the baseline the memory limit is added to)."""
    with open("/proc/self/statm", "rb") as f:
        return int(f.read().split()[0]) * _PAGE


def apply_limits(memory_mb, timeout_ms, pandas_loaded):
    """Address space = baseline + memory limit, CPU seconds ≥ the wall timeout, no core dumps."""
    extra = 0 if pandas_loaded else PANDAS_ALLOWANCE
    limit = address_space() + int(memory_mb) * (1 << 20) + extra
    if limit < _NO_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = max(1, math.ceil(timeout_ms / 1000)) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


_PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(None, use_errno=True)


def die_with_parent(zygote_pid):
    """The child is killed with the zygote (and its own process group is what the zygote kills)."""
    os.setpgid(0, 0)
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != zygote_pid:
        os._exit(1)


_PR_SET_CHILD_SUBREAPER = 36


def become_subreaper():
    """Orphaned descendants of this process's children are re-parented to it, not to init."""
    _libc.prctl(_PR_SET_CHILD_SUBREAPER, 1)
