# expect: STRATEGY_ERROR
def strategy(data, params):
    def down(n):
        return down(n + 1)

    return down(0)
