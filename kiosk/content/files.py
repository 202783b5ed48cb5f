"""Reading a file the content names, whatever is at that path.

A path can hold something other than a file: a named pipe renamed over the content file
blocks the first read until someone writes to it, and a device such as /dev/zero never
ends. So only regular files are read, the check is made on the opened file itself (a
rename between a check and the open changes nothing), and no read goes past the limit.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# O_NONBLOCK: opening a named pipe for reading otherwise waits for a writer. Windows has no
# named pipes in the file system, nor the flag.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1024 * 1024
MAX_CONTENT_BYTES = 8 * 1024 * 1024  # the content file; the bundled one is under 100 kB


class UnsafeFileError(OSError):
    """The path holds no regular file, or a file larger than the reader's limit."""


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words an editor of the content knows."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _refuse_unless_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise UnsafeFileError(f"is {file_kind(mode)}, not a regular file")


def regular_file_problem(path: Path) -> str | None:
    """Why `path` (symbolic links followed) cannot be read as a file, or None when it can."""
    try:
        _refuse_unless_regular(os.stat(path).st_mode)
    except UnsafeFileError as error:
        return str(error)
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    return None


@contextmanager
def open_regular(path: Path, limit: int) -> Iterator[int]:
    """A descriptor of the regular file at `path`, checked on the opened file; `UnsafeFileError`
    for anything else or for more than `limit` bytes, `OSError` when it cannot be opened."""
    _refuse_unless_regular(os.stat(path).st_mode)
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        status = os.fstat(descriptor)
        _refuse_unless_regular(status.st_mode)
        if status.st_size > limit:
            raise UnsafeFileError(f"file is {status.st_size:,} bytes; the limit is {limit:,}")
        yield descriptor
    finally:
        os.close(descriptor)


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`; `UnsafeFileError` for anything else or for more
    than `limit` bytes, `OSError` when it cannot be read."""
    with open_regular(path, limit) as descriptor:
        chunks: list[bytes] = []
        total = 0
        # One byte past the limit tells a file that grew since fstat from one that fits.
        while total <= limit:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise UnsafeFileError(f"file is larger than the limit of {limit:,} bytes")
        return b"".join(chunks)
