# expect: CODE_REJECTED
def strategy(data, params):
    name = "__" + "globals" + "__"
    print(getattr(strategy, name))
    return {}
