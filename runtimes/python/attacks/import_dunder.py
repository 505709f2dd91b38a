# expect: CODE_REJECTED
def strategy(data, params):
    __import__("os").system("id")
    return {}
