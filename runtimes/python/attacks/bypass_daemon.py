# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# Tries to leave a daemon behind (double fork, new session): the first fork kills the job (seccomp);
# were it to get through, the zygote, a subreaper, would kill the daemon after the job.
import os
import time


def strategy(data, params):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(120)
        os._exit(0)
    time.sleep(0.1)
    return {}
