# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# Every process forks forever: a job may start no process (seccomp), so the first fork kills the job,
# even as root with no pids cgroup (no-pids-cgroup.test.ts).
import os


def strategy(data, params):
    while True:
        try:
            os.fork()
        except OSError:
            pass
