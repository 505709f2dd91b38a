# expect: CODE_REJECTED
def strategy(data, params):
    try:
        1 / 0
    except ZeroDivisionError as e:
        print(e.__traceback__.tb_frame.f_back.f_globals)
    return {}
