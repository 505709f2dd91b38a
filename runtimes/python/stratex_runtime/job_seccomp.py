"""The per-job seccomp filter (runtimes/sandbox/build/job-filter.bpf): read once by the zygote, loaded
by each job child before any user code. It denies execve and fork (clone without CLONE_THREAD) on top of
the sandbox's filter, so a job can never start another program or process. PR_SET_NO_NEW_PRIVS is already set by the launcher (and inherited)."""
import ctypes

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_INSTRUCTION_BYTES = 8


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


_libc = ctypes.CDLL(None, use_errno=True)


def read_filter(path):
    """The filter's bytes, or None when the runtime was started without one."""
    if not path:
        return None
    with open(path, "rb") as f:
        return f.read()


def load_filter(code):
    """Installs the filter in this process (and everything it forks); exits the child if that fails."""
    if code is None:
        return
    buffer = ctypes.create_string_buffer(code, len(code))
    program = _Program(len(code) // _INSTRUCTION_BYTES, ctypes.cast(buffer, ctypes.c_void_p))
    if _libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "no_new_privs")
    if _libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program)) != 0:
        raise OSError(ctypes.get_errno(), "seccomp")
