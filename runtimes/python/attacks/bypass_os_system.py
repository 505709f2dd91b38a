# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# os.system forks a shell: a job may start no process (nor exec a program), so the job dies (SIGSYS).
import os


def strategy(data, params):
    status = os.system("echo ESCAPED > /dev/null; id")
    print("system status", status)
    return {}
