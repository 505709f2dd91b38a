# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
# Connects to the canary listener the test opened on 127.0.0.1 (port passed as a parameter).
import socket

PARAMS = {"port": 0}


def strategy(data, params):
    socket.create_connection(("127.0.0.1", params["port"]), timeout=2).sendall(b"ESCAPED")
    print("ESCAPED: connected")
    return {}
