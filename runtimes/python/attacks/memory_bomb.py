# expect: MEMORY_LIMIT
import numpy as np


def strategy(data, params):
    blocks = []
    while True:
        blocks.append(np.ones(1 << 24))
