# expect: CODE_REJECTED
import sys


def strategy(data, params):
    print(sys._getframe(1).f_globals)
    return {}
