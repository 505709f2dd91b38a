# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# Kills its zygote: the job fails, the next job gets a fresh zygote (and sandbox).
import os
import signal


def strategy(data, params):
    os.kill(os.getppid(), signal.SIGKILL)
    import time

    time.sleep(5)
    return {}
