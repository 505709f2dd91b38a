# expect: ok
# bypass: validator skipped, full built-ins. process: not a boundary (other processes' /proc)
# The environments of this process, its zygote and pid 1: none may hold the host's canary variable.
import os


def strategy(data, params):
    for pid in ["self", str(os.getppid()), "1"]:
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                print(f.read().decode("utf8", "replace"))
        except OSError as e:
            print(pid, e)
    print(dict(os.environ))
    return {}
