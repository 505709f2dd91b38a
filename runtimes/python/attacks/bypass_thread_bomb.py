# expect: ok
# bypass: validator skipped, full built-ins
# Threads are allowed, but their stacks count against the job's address-space limit (and, where it
# exists, the pids cgroup): thread creation fails long before the cap.
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
