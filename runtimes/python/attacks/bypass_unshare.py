# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# A new user namespace would give the job capabilities inside it: killed by seccomp.
import ctypes


def strategy(data, params):
    libc = ctypes.CDLL(None, use_errno=True)
    print("unshare", libc.unshare(0x10000000), "ESCAPED")
    return {}
