# expect: ok
# bypass: validator skipped, full built-ins. process: not a boundary (empty files can be created)
# Every path it tries is read-only or absent; writing a byte anywhere would also hit RLIMIT_FSIZE 0.
import os


def strategy(data, params):
    for path in ["/tmp/x", "x", os.path.expanduser("~/x"), "/work/x", "/dev/shm/x"]:
        try:
            with open(path, "w") as f:
                f.write("ESCAPED")
            print("ESCAPED: wrote", path)
        except OSError as e:
            print(path, type(e).__name__)
    return {}
