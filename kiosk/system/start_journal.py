"""Did the last starts run well? A journal in the user's state folder, so that a kiosk that
keeps dying soon after it starts does not walk into the same crash again and again.

Every start appends "starting <content sha>"; the first minute of healthy running, or a clean
shutdown, appends "ran well <content sha>". A kill, a crash or the watchdog leaves its start
without a "ran well". Two such starts in a row, the earlier one less than `CRASH_WINDOW_S`
ago, are a crash loop: the next start plays safe (`kiosk.app.safe_start`). The content that
last ran well is kept beside the journal, so that start has something known to be good.

Pure Python. Trouble with the folder is logged and never stops the kiosk: a journal that
cannot be read counts as a normal start.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.content import LoadedContent
from kiosk.content.files import open_regular, read_limited
from kiosk.system.content_cache import code_fingerprint, read_model_pickle
from kiosk.system.safe_write import write_atomically, write_text_atomically

log = logging.getLogger(__name__)

CRASH_WINDOW_S = 300.0
HEALTHY_S = 60.0
STARTING = "starting"
RAN_WELL = "ran well"
KEEP_LINES = 40  # the journal is cut back to this many lines once it has twice as many
# Beyond any content file the loader accepts; a larger file is not worth a slow start to hash.
MAX_HASHED_BYTES = 64 * 2**20
MAX_JOURNAL_BYTES = 1_000_000


@dataclass(frozen=True)
class JournalEntry:
    time: float
    event: str  # STARTING or RAN_WELL
    content: str  # the content's sha256, "" when there was none


def content_digest(path: Path, limit: int = MAX_HASHED_BYTES) -> str:
    """The sha256 of the file's bytes (what `LoadedContent.digest` names), or "" when `path`
    holds no regular file of at most `limit` bytes. Opened without blocking and checked on the
    open file: a named pipe renamed over the content never holds up the start."""
    try:
        with open_regular(path, limit) as descriptor, os.fdopen(descriptor, "rb", closefd=False) as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:  # no regular file within the limit (a pipe, a device, too large, gone)
        return ""


def _parse(line: str) -> JournalEntry | None:
    stamp, _, rest = line.strip().partition(" ")
    for event in (STARTING, RAN_WELL):
        if rest == event or rest.startswith(event + " "):
            try:
                return JournalEntry(float(stamp), event, rest[len(event) :].strip())
            except ValueError:
                return None
    return None


class StartJournal:
    def __init__(
        self, path: Path, clock: Callable[[], float] = time.time, window_s: float = CRASH_WINDOW_S
    ) -> None:
        self.path = path
        self.window_s = window_s
        self._clock = clock

    def entries(self) -> list[JournalEntry]:
        """What the journal holds, oldest first (a line cut short by a kill is skipped)."""
        try:
            # A few dozen short lines (it is cut back as it grows): never a pipe or a huge file.
            text = read_limited(self.path, MAX_JOURNAL_BYTES).decode("utf-8", errors="replace")
        except FileNotFoundError:
            return []
        except OSError as error:
            log.warning("start journal %s not read: %s", self.path, error)
            return []
        return [entry for entry in map(_parse, text.splitlines()) if entry is not None]

    def crash_loop(self, entries: list[JournalEntry] | None = None) -> bool:
        """The last two starts both ended without running well, the earlier one within the
        window: the kiosk died twice in a few minutes."""
        entries = self.entries() if entries is None else entries
        if len(entries) < 2:
            return False
        earlier, last = entries[-2:]
        return (
            earlier.event == STARTING
            and last.event == STARTING
            and self._clock() - earlier.time <= self.window_s
        )

    def start(self, content: str) -> bool:
        """Record a start on `content`; True when it comes after a crash loop."""
        entries = self.entries()
        looping = self.crash_loop(entries)
        if len(entries) >= 2 * KEEP_LINES:
            kept = [f"{e.time:.3f} {e.event} {e.content}".rstrip() for e in entries[-KEEP_LINES:]]
            try:
                write_text_atomically(self.path, "\n".join(kept) + "\n")
            except OSError as error:
                log.warning("start journal %s not cut back: %s", self.path, error)
        self._append(STARTING, content)
        return looping

    def ran_well(self, content: str) -> None:
        self._append(RAN_WELL, content)

    def _append(self, event: str, content: str) -> None:
        # A plain append, no fsync: a kill loses nothing the kernel already has, and the
        # start should not wait for the disk.
        line = f"{self._clock():.3f} {event} {content}".rstrip() + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as stream:
                stream.write(line)
        except OSError as error:
            log.warning("start journal %s not written: %s", self.path, error)


class LastGoodContent:
    """The content that last ran well, kept as it was validated, with the fingerprint of the
    code that validated it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._kept = ""

    def keep(self, loaded: LoadedContent) -> None:
        if not loaded.digest or loaded.digest == self._kept:
            return
        stored = {"fingerprint": code_fingerprint(), "digest": loaded.digest, "loaded": loaded}
        try:
            data = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomically(self.path, lambda path: path.write_bytes(data))
        except (OSError, pickle.PicklingError) as error:
            log.warning("the content that ran well is not kept: %s", error)
            return
        self._kept = loaded.digest

    def read(self) -> tuple[str, LoadedContent | None]:
        """The kept content's sha256 ("" when none is kept) and the content itself when this
        code can use it as it was stored (None after an update of the kiosk: then only the
        sha still says which content ran well)."""
        try:
            stored = read_model_pickle(read_limited(self.path, MAX_HASHED_BYTES))
            digest, loaded = stored["digest"], stored["loaded"]
        except FileNotFoundError:
            return "", None
        except Exception as error:  # damaged or foreign: as if nothing were kept
            log.warning("the content that ran well cannot be read from %s: %s", self.path, error)
            return "", None
        if not (isinstance(digest, str) and isinstance(loaded, LoadedContent) and loaded.digest == digest):
            return "", None
        return digest, loaded if stored.get("fingerprint") == code_fingerprint() else None
