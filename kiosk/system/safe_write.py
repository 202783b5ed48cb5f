"""Files the kiosk writes land whole or not at all: written beside the target, flushed to
disk, then renamed over it. A power cut mid-write leaves the old file, never half a new one.

The kiosk's own files (settings, the PIN, caches, state) stay the user's alone: `PRIVATE`.
What it exports for people to open, print or pass on (the handout, pictures, reports) is
created like any file the user saves: `SHARED`, which the umask then narrows (0644 usually).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

PRIVATE = 0o600
SHARED = 0o666


def write_atomically(target: Path, write: Callable[[Path], object], *, mode: int = PRIVATE) -> None:
    """`write(temporary_path)` fills a temporary file; it then replaces `target` in one step.
    The file gets `mode` less the umask."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _create_beside(target, mode)
    try:
        write(temporary)
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text_atomically(target: Path, text: str, *, mode: int = PRIVATE) -> None:
    write_atomically(target, lambda path: path.write_text(text, encoding="utf-8"), mode=mode)


def _create_beside(target: Path, mode: int) -> Path:
    """A new empty file next to `target`. The kernel applies the umask (and a default ACL)
    to `mode` as for any new file; writers that open it again keep what it got."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            handle = os.open(candidate, flags, mode)
        except FileExistsError:
            continue
        os.close(handle)
        return candidate
    raise FileExistsError(f"no free temporary name beside {target}")
