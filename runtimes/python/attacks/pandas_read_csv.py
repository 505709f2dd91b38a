# expect: CODE_REJECTED
import pandas as pd


def strategy(data, params):
    print(pd.read_csv("/etc/passwd"))
    return {}
