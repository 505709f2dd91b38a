# expect: CODE_REJECTED
import numpy as np


def strategy(data, params):
    print(np.fromfile("/etc/passwd", dtype=np.uint8).tobytes())
    return {}
