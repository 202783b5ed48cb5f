"""What a start shows, decided with the start journal (`kiosk.system.start_journal`).

A normal start loads the content file. A start after a crash loop (two starts in a row died
within minutes) does not walk into the same crash: it shows the content that last ran well,
or, when there is none, the content-error screen saying why; and the kiosk leaves the attract
loop off instead of resuming it. systemd's start limit is the outer guard
(`kiosk.system.autostart`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.app.boot import load_or_report
from kiosk.content import ContentError, ContentProblem, LoadedContent
from kiosk.system.content_cache import ValidatedContentCache
from kiosk.system.resources import default_content_path
from kiosk.system.start_journal import CRASH_WINDOW_S, LastGoodContent, StartJournal, content_digest

log = logging.getLogger(__name__)

JOURNAL_NAME = "start-journal.log"
LAST_GOOD_NAME = "last-good-content.pickle"


@dataclass(frozen=True)
class StartPlan:
    loaded: LoadedContent | None
    error: ContentError | None
    crash_loop: bool = False
    notes: tuple[str, ...] = ()  # for the admin's diagnostics


def _short(digest: str) -> str:
    return digest[:12] if digest else "unreadable"


class SafeStart:
    """The start journal and the last content that ran well, in `folder` (the user's state
    folder)."""

    def __init__(
        self,
        folder: Path,
        cache: ValidatedContentCache | None = None,
        clock: Callable[[], float] = time.time,
        window_s: float = CRASH_WINDOW_S,
    ) -> None:
        self.journal = StartJournal(folder / JOURNAL_NAME, clock, window_s)
        self.last_good = LastGoodContent(folder / LAST_GOOD_NAME)
        self._cache = cache

    def begin(self, data: Path | None) -> StartPlan:
        """Record this start and choose its content (the file `data`, or the bundled one)."""
        source = data or default_content_path()
        digest = content_digest(source)
        if not self.journal.start(digest):
            return StartPlan(*load_or_report(data, self._cache))
        minutes = f"{self.journal.window_s / 60:g}"
        head = f"Safe start: the kiosk stopped twice within {minutes} min (a crash loop); attract loop off"
        log.error("%s", head)
        kept, good = self.last_good.read()
        if good is not None:
            what = f"Showing the content that last ran well ({_short(good.digest)})" + (
                ", the file's too" if good.digest == digest else f", not the file's ({_short(digest)})"
            )
            log.error("%s", what)
            return StartPlan(good, None, True, (head, what))
        if kept and kept == digest:
            what = f"The file's content is the one that last ran well ({_short(digest)}): showing it"
            log.error("%s", what)
            return StartPlan(*load_or_report(data, self._cache), True, (head, what))
        what = "No content ran well before: showing the content-error screen"
        log.error("%s", what)
        problem = ContentProblem(
            "",
            f"The kiosk stopped twice within {minutes} minutes of starting with this content, and no"
            " earlier content ran well to show instead. Fix or replace the content file (a saved"
            " change is picked up at once), or restart the kiosk to try it again.",
        )
        return StartPlan(None, ContentError(str(source), [problem]), True, (head, what))

    def ran_well(self, loaded: LoadedContent | None) -> None:
        """This run is healthy (a minute up, or a clean shutdown): the journal says so, and
        `loaded` becomes the content to fall back on."""
        self.journal.ran_well(loaded.digest if loaded is not None else "")
        if loaded is not None:
            self.last_good.keep(loaded)
