# expect: ok
# bypass: validator skipped, full built-ins. process: not a boundary (host files are readable)
# Reads every file it can find under the usual places and by path traversal; the test checks that
# neither the canary file nor /etc/passwd's root entry reached the logs.
import os
import time

# Bounded, so the attack ends well inside the job's limit wherever the checkout lives (a checkout under
# /tmp is bound read-only into the sandbox, and walking all of it is slow, not a leak).
BUDGET_FILES_PER_ROOT = 200
BUDGET_SECONDS_PER_ROOT = 0.25


def strategy(data, params):
    seen = []
    roots = ["/etc/passwd", "/etc/shadow", "/tmp", "/var/tmp", "/home", "/root", "../../../../tmp", "/work"]
    for root in roots:
        deadline = time.monotonic() + BUDGET_SECONDS_PER_ROOT
        for count, path in enumerate(_files(root)):
            if count >= BUDGET_FILES_PER_ROOT or time.monotonic() > deadline:
                break
            try:
                with open(path, "rb") as f:
                    seen.append(f.read(4096).decode("utf8", "replace"))
            except OSError:
                pass
    print("\n".join(seen)[:60_000])
    return {}


def _files(root):
    if os.path.isfile(root):
        yield root
        return
    for i, (where, dirs, files) in enumerate(os.walk(root)):
        dirs[:] = [d for d in dirs if d not in (".venv", "node_modules", ".git")]
        for name in files:
            yield os.path.join(where, name)
        if i > 2000:
            return
