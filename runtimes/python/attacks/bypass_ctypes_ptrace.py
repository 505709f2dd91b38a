# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# Attaches to the zygote with ptrace (to read its memory): killed by seccomp.
import ctypes
import os


def strategy(data, params):
    libc = ctypes.CDLL(None, use_errno=True)
    print("ptrace", libc.ptrace(16, os.getppid(), 0, 0), "ESCAPED")
    return {}
