# expect: MEMORY_LIMIT
# bypass: validator skipped, full built-ins
def strategy(data, params):
    return {"x": bytearray(1 << 34)}
