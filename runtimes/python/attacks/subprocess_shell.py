# expect: CODE_REJECTED
import subprocess


def strategy(data, params):
    print(subprocess.check_output(["cat", "/etc/passwd"]))
    return {}
