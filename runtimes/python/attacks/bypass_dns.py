# expect: SANDBOX_VIOLATION
# bypass: validator skipped, full built-ins
import socket


def strategy(data, params):
    print("ESCAPED: resolved", socket.getaddrinfo("example.com", 443))
    return {}
