# expect: CODE_REJECTED
import ctypes


def strategy(data, params):
    ctypes.CDLL(None).system(b"id")
    return {}
