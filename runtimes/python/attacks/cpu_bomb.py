# expect: TIMEOUT
def strategy(data, params):
    n = 0
    while True:
        n += 1
