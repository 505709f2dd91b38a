# expect: CODE_REJECTED
def strategy(data, params):
    print(open("/etc/passwd").read())
    return {}
