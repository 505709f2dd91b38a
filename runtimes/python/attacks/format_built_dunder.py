# expect: ok
# Evades the validator (no dunder literal): the format spec is built at run time. It reaches only a
# class name, nothing of the host.
def strategy(data, params):
    u = "_" * 2
    print(("{0." + u + "class" + u + "}").format(data))
    return {}
