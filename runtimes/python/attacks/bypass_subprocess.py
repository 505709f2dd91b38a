# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# execve is denied in every job process: no shell, no other program.
import os


def strategy(data, params):
    os.execv("/bin/sh", ["sh", "-c", "echo ESCAPED"])
