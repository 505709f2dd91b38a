# expect: CODE_REJECTED
def strategy(data, params):
    f = lambda: 0  # noqa: E731
    print(f.__code__.co_code)
    return {}
