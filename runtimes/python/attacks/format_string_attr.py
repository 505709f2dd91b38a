# expect: CODE_REJECTED
def strategy(data, params):
    print("{0.__class__.__init__.__globals__}".format(data))
    return {}
