# expect: CODE_REJECTED
import os


def strategy(data, params):
    print(dict(os.environ))
    return {}
