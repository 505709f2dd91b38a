# expect: STRATEGY_ERROR
# bypass: validator skipped, full built-ins
# A local (AF_UNIX) socket fails with EACCES rather than killing: glibc's user lookups try one.
import socket


def strategy(data, params):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect("/var/run/docker.sock")
    print("ESCAPED: unix socket")
    return {}
