# expect: ok
# bypass: validator skipped, full built-ins
# os.system forks a shell; the forked child dies at execve (SIGSYS), the job sees a failed status.
import os


def strategy(data, params):
    status = os.system("echo ESCAPED > /dev/null; id")
    print("system status", status)
    return {}
