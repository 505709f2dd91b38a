"""What a strategy prints: kept apart from the result, the first 64 KB only."""

LIMIT_BYTES = 64 * 1024
MARKER = "…[truncated]"


class LogCapture:
    """A text stream for sys.stdout/sys.stderr that keeps the first LIMIT_BYTES (UTF-8) and a marker."""

    def __init__(self, limit=LIMIT_BYTES):
        self._parts = []
        self._room = limit
        self._truncated = False

    def write(self, text):
        if self._truncated:
            return len(text)
        data = str(text).encode("utf-8", "replace")
        if len(data) <= self._room:
            self._parts.append(data)
            self._room -= len(data)
        else:
            self._parts.append(data[: self._room])
            self._room = 0
            self._truncated = True
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def text(self):
        """The captured text; a character cut at the limit is dropped, not mangled."""
        text = b"".join(self._parts).decode("utf-8", "ignore")
        return text + MARKER if self._truncated else text
