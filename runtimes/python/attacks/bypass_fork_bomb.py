# expect: TIMEOUT
# bypass: validator skipped, full built-ins
# Every process forks forever; the pids cgroup (or RLIMIT_NPROC) caps them, the timeout kills them all.
import os


def strategy(data, params):
    while True:
        try:
            os.fork()
        except OSError:
            pass
