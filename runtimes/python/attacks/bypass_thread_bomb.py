# expect: ok
# bypass: validator skipped, full built-ins
# Threads count as tasks too: the cap stops them.
import threading
import time

PARAMS = {"cap": 128}


def strategy(data, params):
    started = 0
    try:
        for _ in range(2000):
            threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
            started += 1
    except RuntimeError:
        pass
    print("ESCAPED: threads", started) if started >= params["cap"] else print("threads", started)
    return {}
