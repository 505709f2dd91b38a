# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# Counts how many processes the sandbox lets it start (each waits): none, the first fork kills the job.
import os
import time

PARAMS = {"cap": 128}


def strategy(data, params):
    started = 0
    try:
        for _ in range(2000):
            if os.fork() == 0:
                time.sleep(60)
            started += 1
    except OSError:
        pass
    print("ESCAPED: forked", started) if started >= params["cap"] else print("forked", started)
    return {}
