# expect: CODE_REJECTED
import pickle


def strategy(data, params):
    pickle.loads(b"cos\nsystem\n(S'id'\ntR.")
    return {}
