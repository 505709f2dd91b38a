"""Frames on a byte stream: a u32 (little-endian) header length, a JSON header, then raw buffers.

The header lists the byte length of every buffer that follows in `buffers`, so arrays travel as
raw float64/uint8 bytes, never as JSON numbers. Both the host (TypeScript) and this runner speak it.
"""
import json
import os
import struct

LENGTH = struct.Struct("<I")
MAX_HEADER_BYTES = 16 << 20
# A job child prefixes its one result frame with the frame's total length, so the zygote knows when
# the result is complete without waiting for the child to exit.
RESULT_LENGTH = struct.Struct("<Q")


def encode_frame(header, buffers=()):
    """The bytes of one frame; built whole so that a failure cannot leave half a frame on a stream."""
    views = [memoryview(b).cast("B") for b in buffers]
    head = json.dumps(
        dict(header, buffers=[v.nbytes for v in views]), separators=(",", ":"), allow_nan=False
    ).encode()
    return b"".join([LENGTH.pack(len(head)), head, *views])


def write_all(fd, data):
    """Writes every byte of `data` to `fd` (pipes and sockets may take it in pieces)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_into(fd, view):
    """Fills `view` from `fd`; False when the stream ends first."""
    view = memoryview(view).cast("B")
    while view:
        n = os.readv(fd, [view])
        if n == 0:
            return False
        view = view[n:]
    return True


def read_frame(fd, allocate=bytearray):
    """The next (header, buffers) from `fd`, or None at a clean end of stream.

    `allocate(nbytes)` makes the writable buffer each payload is read into (the zygote reads candle
    columns straight into aligned numpy arrays this way).
    """
    prefix = bytearray(LENGTH.size)
    if not read_into(fd, prefix):
        return None
    (size,) = LENGTH.unpack(prefix)
    if size > MAX_HEADER_BYTES:
        raise ValueError("frame header too large")
    head = bytearray(size)
    if not read_into(fd, head):
        raise EOFError("stream ended inside a frame")
    header = json.loads(head)
    buffers = []
    for nbytes in header.get("buffers", []):
        buf = allocate(nbytes)
        if not read_into(fd, buf):
            raise EOFError("stream ended inside a frame")
        buffers.append(buf)
    return header, buffers
