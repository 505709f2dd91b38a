"""The fork server: imports numpy, pandas and the SDK once, then forks one child per job.

It never runs user code. The host writes job frames to fd 3; the zygote reads the candle columns
into numpy arrays, forks, and the child (which inherits them copy-on-write) runs the job and writes
one result frame, prefixed by its length, to a private pipe. As soon as that frame is complete the
zygote relays it to the host on fd 4 and kills the child (its exit would only add its teardown to
the job's time); a child that exits without a complete frame is reported with its exit status. A
child past its wall timeout or output limit is killed. Every child is reaped.

pandas (half a second to import) is imported when it is first needed: before forking a job whose
code mentions it, after a second of idleness, or when the host asks (`warm`); so a first job that
does not use it is not kept waiting.
"""
import fcntl
import gc
import os
import select
import signal
import sys
import time

import numpy as np

import stratex
from stratex_runtime import child
from stratex_runtime.job_seccomp import read_filter
from stratex_runtime.limits import become_subreaper
from stratex_runtime.framing import RESULT_LENGTH, encode_frame, read_frame, write_all

IN_FD, OUT_FD = 3, 4
_F_SETPIPE_SZ = 1031
_PIPE_BYTES = 1 << 20
_EXIT_POLL_S = 0.002
_IDLE_BEFORE_PANDAS_S = 1.0


class Job:
    __slots__ = ("id", "pid", "fd", "chunks", "size", "limit", "deadline", "received", "killed", "status", "reported")

    def __init__(self, header, pid, fd, received):
        self.id = header["id"]
        self.pid = pid
        self.fd = fd
        self.chunks = []
        self.size = 0
        self.limit = header["maxOutputBytes"] + (1 << 20)
        self.deadline = received + header["timeoutMs"] / 1000
        self.received = received
        self.killed = None
        self.status = None
        self.reported = False


class Zygote:
    def __init__(self, job_filter=None):
        self.job_filter = job_filter
        self.jobs = {}
        self.pandas_loaded = "pandas" in sys.modules
        self.idle_since = time.monotonic()
        self.orphans = False

    def serve(self):
        """Runs until the host closes fd 3, then kills and reaps whatever is still running."""
        while True:
            reading = [job.fd for job in self.jobs.values() if job.fd is not None]
            readable = select.select([IN_FD, *reading], [], [], self._wait())[0]
            for fd in readable:
                if fd != IN_FD:
                    self._drain(next(job for job in self.jobs.values() if job.fd == fd))
            if IN_FD in readable and not self._accept():
                break
            self._finish()
            if not self.jobs and not self.pandas_loaded and self._idle_for() >= _IDLE_BEFORE_PANDAS_S:
                self._load_pandas()
        for job in self.jobs.values():
            self._kill(job, "shutdown")
            os.waitpid(job.pid, 0)

    def _idle_for(self):
        return time.monotonic() - self.idle_since

    def _wait(self):
        if self.orphans:
            return _EXIT_POLL_S  # leftovers of a finished job are being killed and reaped
        if not self.jobs:
            return None if self.pandas_loaded else max(0.0, _IDLE_BEFORE_PANDAS_S - self._idle_for())
        if any(job.fd is None or job.killed for job in self.jobs.values()):
            return _EXIT_POLL_S  # a child is on its way out: reap it soon
        return max(0.0, min(job.deadline for job in self.jobs.values()) - time.monotonic())

    def _accept(self):
        frame = read_frame(IN_FD, allocate=lambda n: np.empty(n, dtype=np.uint8))
        if frame is None:
            return False
        header, columns = frame
        code = header.get("code", "")
        if header.get("type") == "warm" or "pandas" in code or ".df" in code:
            self._load_pandas()
        if header.get("type") != "job":
            return True
        received = time.monotonic()
        read_end, write_end = os.pipe()
        _widen(write_end)
        zygote_pid = os.getpid()
        pid = os.fork()
        if pid == 0:
            try:
                arrays = [c.view(np.float64) for c in columns]
                child.run_child(
                    header, arrays, write_end, self.pandas_loaded, received, zygote_pid, self.job_filter
                )
            finally:
                os._exit(70)
        os.close(write_end)
        self.jobs[pid] = Job(header, pid, read_end, received)
        return True

    def _drain(self, job):
        data = os.read(job.fd, _PIPE_BYTES)
        if not data:
            os.close(job.fd)
            job.fd = None
            return
        if job.killed:
            return
        job.chunks.append(data)
        job.size += len(data)
        if job.size > job.limit:
            self._kill(job, "oversize")
        elif job.size >= RESULT_LENGTH.size and self._complete(job):
            self._report(job, None)
            self._kill(job, "reported")

    def _complete(self, job):
        head = job.chunks[0] if len(job.chunks[0]) >= RESULT_LENGTH.size else b"".join(job.chunks)
        (length,) = RESULT_LENGTH.unpack_from(head)
        return job.size == RESULT_LENGTH.size + length

    def _finish(self):
        now = time.monotonic()
        for job in list(self.jobs.values()):
            if job.killed is None and job.status is None and now >= job.deadline:
                self._kill(job, "timeout")
            if job.status is None:
                pid, status = os.waitpid(job.pid, os.WNOHANG)
                job.status = status if pid == job.pid else None
            # An exited child may still have its result in the pipe: finish it at end of stream,
            # unless it was killed (then nothing it wrote counts).
            if job.status is None or (job.fd is not None and not job.killed):
                continue
            if job.fd is not None:
                os.close(job.fd)
                job.fd = None
            if not job.reported:
                self._report(job, job.status)
            del self.jobs[job.pid]
            self.orphans = True
            if not self.jobs:
                self.idle_since = time.monotonic()
        if self.orphans:
            self.orphans = self._kill_orphans()

    def _kill_orphans(self):
        """Kills and reaps every child that is not a running job: a job's descendants that outlived it
        (daemonised, in their own session) are re-parented here, since the zygote is a subreaper.
        True while some remain (checked again on the next short poll)."""
        try:
            with open(f"/proc/self/task/{os.getpid()}/children", "rb") as f:
                children = [int(pid) for pid in f.read().split()]
        except OSError:
            return False
        left = False
        for pid in children:
            if pid in self.jobs:
                continue
            left = True
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, os.WNOHANG)
            except OSError:
                pass
        return left

    def _kill(self, job, reason):
        job.killed = job.killed or reason
        for kill in (os.killpg, os.kill):
            try:
                kill(job.pid, signal.SIGKILL)
            except OSError:
                pass

    def _report(self, job, status):
        """One frame per job: the child's result when it wrote one whole, else how it ended."""
        job.reported = True
        result = memoryview(b"".join(job.chunks))[RESULT_LENGTH.size :] if status is None else b""
        code = 0 if status is None else os.waitstatus_to_exitcode(status)
        header = {
            "type": "done",
            "id": job.id,
            "complete": status is None,
            "exitCode": code if code >= 0 else None,
            "signal": -code if code < 0 else None,
            "killed": job.killed,
            "zygoteMs": (time.monotonic() - job.received) * 1000,
        }
        job.chunks = []
        write_all(OUT_FD, encode_frame(header, [result] if len(result) else []))

    def _load_pandas(self):
        if self.pandas_loaded:
            return
        import pandas  # noqa: F401  (imported once here so that every later child inherits it)

        self.pandas_loaded = True
        gc.freeze()
        write_all(OUT_FD, encode_frame({"type": "warm"}))


def _widen(fd):
    """A pipe big enough for a typical result, so a child can finish writing without waiting for us."""
    try:
        fcntl.fcntl(fd, _F_SETPIPE_SZ, _PIPE_BYTES)
    except OSError:
        pass


def main():
    sys.stdout = sys.stderr  # nothing printed here may reach a protocol stream
    # Orphans of a job's descendants come to the zygote (not to init), which kills them.
    become_subreaper()
    ready = {
        "type": "ready",
        "pid": os.getpid(),
        "python": ".".join(map(str, sys.version_info[:3])),
        "numpy": np.__version__,
        "sdkVersion": stratex.__version__,
    }
    # Objects the zygote made so far are never collected: a child's GC then leaves their pages shared.
    gc.freeze()
    write_all(OUT_FD, encode_frame(ready))
    # argv[1], when given: the per-job seccomp filter (job_seccomp.py)
    Zygote(read_filter(sys.argv[1] if len(sys.argv) > 1 else None)).serve()


if __name__ == "__main__":
    main()
