"""Local, anonymous visitor analytics (pure Python, stdlib sqlite3 in WAL mode).

A visit runs from the first touch to the idle reset. It records what a visit did, nothing
about who: pages viewed and how long, the languages used, the tour stops reached and the
figures tapped. The database is never allowed to stop the kiosk: a full disk, a locked or a
corrupt file is logged, a corrupt one is moved aside, and recording resumes when it can.

A clean stop (SIGTERM included) ends the visit under way. A kill (kill -9, a power cut, the
watchdog) cannot: the next time the database is opened, each visit left without an end is
ended at its last recorded moment.
"""

from __future__ import annotations

import logging
import sqlite3
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.i18n.strings import ui_text

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    started REAL NOT NULL,
    ended REAL,
    language TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS views (
    visit INTEGER NOT NULL REFERENCES visits(id),
    page TEXT NOT NULL,
    started REAL NOT NULL,
    seconds REAL
);
CREATE TABLE IF NOT EXISTS steps (
    visit INTEGER NOT NULL REFERENCES visits(id),
    page TEXT NOT NULL,
    step INTEGER NOT NULL,
    of INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS taps (visit INTEGER NOT NULL REFERENCES visits(id), figure TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS languages (visit INTEGER NOT NULL REFERENCES visits(id), language TEXT NOT NULL);
"""

# The last recorded moment of a visit: the end of its last page view (a view still open has
# no seconds: its start), else the visit's own start.
_END_ABANDONED = """
UPDATE visits SET ended = MAX(
    started,
    COALESCE((SELECT MAX(started + COALESCE(seconds, 0)) FROM views WHERE views.visit = visits.id), started)
)
WHERE ended IS NULL
"""


class VisitRecorder:
    """Writes visits as they happen; every method swallows database trouble (and logs it)."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._db: sqlite3.Connection | None = None
        self.visit: int | None = None
        self._view: tuple[int, float] | None = None  # rowid and start of the open page view
        self.failures = 0

    # ---- the connection -------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=0.2, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.executescript(SCHEMA)
                # No visit of this recorder is open while it has no connection: any open one
                # was left by a run that was killed.
                ended = db.execute(_END_ABANDONED).rowcount
            except sqlite3.DatabaseError:
                db.close()
                raise
            if ended:
                log.warning(
                    "analytics: %d visit(s) left open by an unclean stop ended at their last event", ended
                )
            self._db = db
        return self._db

    def open(self) -> None:
        """Open the database now rather than at the first visit (trouble is logged as ever)."""
        with self._writing("opening the database"):
            pass

    @contextmanager
    def _writing(self, what: str) -> Iterator[sqlite3.Connection | None]:
        """The connection (None when the database cannot be had now); any trouble is logged."""
        try:
            db = self._connect()
        except (sqlite3.DatabaseError, OSError) as error:
            self._trouble(what, error)
            yield None
            return
        try:
            yield db
        except (sqlite3.DatabaseError, OSError) as error:
            self._trouble(what, error)

    def _trouble(self, what: str, error: Exception) -> None:
        self.failures += 1
        log.warning("analytics: %s not recorded (%s)", what, error)
        if isinstance(error, sqlite3.DatabaseError):
            self._recover(error)
        else:
            self._close()

    def _recover(self, error: sqlite3.DatabaseError) -> None:
        self._close()
        message = str(error).lower()
        if "malformed" in message or "not a database" in message:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(self._clock())}")
            try:
                self.path.rename(aside)
                log.warning("analytics: corrupt database moved aside to %s", aside)
            except OSError:
                pass

    def _close(self) -> None:
        if self._db is not None:
            with suppress(sqlite3.Error):
                self._db.close()
        self._db = None
        self.visit = None
        self._view = None

    def close(self) -> None:
        self.end_visit()
        self._close()

    # ---- what a visit does ----------------------------------------------------------------

    def start_visit(self, language: str) -> None:
        if self.visit is not None:
            return
        with self._writing("visit start") as db:
            if db is not None:
                row = (self._clock(), language)
                cursor = db.execute("INSERT INTO visits (started, language) VALUES (?, ?)", row)
                self.visit = cursor.lastrowid
                db.execute("INSERT INTO languages VALUES (?, ?)", (self.visit, language))

    def page_view(self, page: str) -> None:
        if self.visit is None:
            return
        self._close_view()
        with self._writing("page view") as db:
            if db is not None:
                now = self._clock()
                row = (self.visit, page, now)
                cursor = db.execute("INSERT INTO views (visit, page, started) VALUES (?, ?, ?)", row)
                self._view = (int(cursor.lastrowid or 0), now)

    def step(self, page: str, index: int, count: int) -> None:
        if self.visit is not None:
            with self._writing("step") as db:
                if db is not None:
                    db.execute("INSERT INTO steps VALUES (?, ?, ?, ?)", (self.visit, page, index, count))

    def figure_tap(self, figure: str) -> None:
        if self.visit is not None:
            with self._writing("figure tap") as db:
                if db is not None:
                    db.execute("INSERT INTO taps VALUES (?, ?)", (self.visit, figure))

    def language(self, language: str) -> None:
        if self.visit is not None:
            with self._writing("language") as db:
                if db is not None:
                    db.execute("INSERT INTO languages VALUES (?, ?)", (self.visit, language))

    def end_visit(self) -> None:
        if self.visit is None:
            return
        self._close_view()
        with self._writing("visit end") as db:
            if db is not None:
                db.execute("UPDATE visits SET ended = ? WHERE id = ?", (self._clock(), self.visit))
        self.visit = None

    def _close_view(self) -> None:
        if self._view is None:
            return
        rowid, started = self._view
        self._view = None
        with self._writing("page dwell") as db:
            if db is not None:
                db.execute("UPDATE views SET seconds = ? WHERE rowid = ?", (self._clock() - started, rowid))


# ---- the report ---------------------------------------------------------------------------


@dataclass
class Report:
    visits: int = 0
    per_hour: dict[int, int] = field(default_factory=dict)
    per_day: dict[str, int] = field(default_factory=dict)
    median_seconds: float = 0.0
    top_pages: list[tuple[str, int, float]] = field(default_factory=list)  # page, views, seconds
    languages: dict[str, int] = field(default_factory=dict)
    tours: dict[str, tuple[int, int]] = field(default_factory=dict)  # page: (started, completed)
    figure_taps: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"visits: {self.visits}", f"median visit: {self.median_seconds:.0f} s"]
        out.append("visits per day: " + ", ".join(f"{day} {n}" for day, n in sorted(self.per_day.items())))
        out.append("visits per hour: " + ", ".join(f"{h:02d}h {n}" for h, n in sorted(self.per_hour.items())))
        out.append("languages: " + ", ".join(f"{lang} {n}" for lang, n in sorted(self.languages.items())))
        out.append("top pages:")
        out += [
            f"  {page}: {ui_text('count-views', 'en', n=views)}, {seconds:.0f} s"
            for page, views, seconds in self.top_pages[:10]
        ]
        out.append("tours (started / reached the last stop):")
        out += [f"  {page}: {started} / {done}" for page, (started, done) in sorted(self.tours.items())]
        if self.figure_taps:
            out.append(
                "figures tapped: "
                + ", ".join(f"{f} {n}" for f, n in Counter(self.figure_taps).most_common(8))
            )
        return out


def build_report(path: Path, since: float = 0.0) -> Report:
    report = Report()
    if not path.exists():
        return report
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    try:
        visits = db.execute("SELECT id, started, ended FROM visits WHERE started >= ?", (since,)).fetchall()
        report.visits = len(visits)
        hours: Counter[int] = Counter()
        days: Counter[str] = Counter()
        lengths = []
        for _id, started, ended in visits:
            moment = datetime.fromtimestamp(started)
            hours[moment.hour] += 1
            days[moment.date().isoformat()] += 1
            if ended is not None:
                lengths.append(ended - started)
        report.per_hour, report.per_day = dict(hours), dict(days)
        report.median_seconds = statistics.median(lengths) if lengths else 0.0
        ids = "SELECT id FROM visits WHERE started >= ?"
        report.top_pages = [
            (page, views, seconds or 0.0)
            for page, views, seconds in db.execute(
                f"SELECT page, COUNT(*), SUM(seconds) FROM views WHERE visit IN ({ids}) "
                "GROUP BY page ORDER BY COUNT(*) DESC, page",
                (since,),
            )
        ]
        report.languages = dict(
            db.execute(
                f"SELECT language, COUNT(DISTINCT visit) FROM languages WHERE visit IN ({ids}) "
                "GROUP BY language",
                (since,),
            ).fetchall()
        )
        started_tours = db.execute(
            f"SELECT page, COUNT(DISTINCT visit) FROM views WHERE visit IN ({ids}) AND page LIKE 'tour/%' "
            "GROUP BY page",
            (since,),
        ).fetchall()
        completed = dict(
            db.execute(
                f"SELECT page, COUNT(DISTINCT visit) FROM steps WHERE visit IN ({ids}) AND step = of - 1 "
                "GROUP BY page",
                (since,),
            ).fetchall()
        )
        report.tours = {page: (started, completed.get(page, 0)) for page, started in started_tours}
        report.figure_taps = dict(
            db.execute(
                f"SELECT figure, COUNT(*) FROM taps WHERE visit IN ({ids}) GROUP BY figure", (since,)
            ).fetchall()
        )
    finally:
        db.close()
    return report
