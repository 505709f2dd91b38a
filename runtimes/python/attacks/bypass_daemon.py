# expect: ok
# bypass: validator skipped, full built-ins
# Leaves a daemon behind (double fork, new session); the zygote, a subreaper, kills it after the job.
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
