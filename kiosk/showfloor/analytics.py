"""Local, anonymous visitor analytics (pure Python, stdlib sqlite3 in WAL mode).

A visit runs from the first touch to the idle reset. It records what a visit did, nothing
about who: pages viewed and how long, the languages used, the tour stops reached and the
figures tapped, and which kiosk recorded it (the settings' kiosk id, by default the host
name), so the databases of several kiosks make one report. The database is never allowed to
stop the kiosk: a full disk, a locked or a corrupt file is logged, and recording resumes when
it can. A corrupt file is first recovered into a new one (SQLite's own `.recover`, which reads
every page that still holds rows), the damaged file is then kept aside, and the recovered one
notes how many visits it saved, for the report.

A clean stop (SIGTERM included) ends the visit under way. A kill (kill -9, a power cut, the
watchdog) cannot: the next time the database is opened, each visit left without an end is
ended at its last recorded moment.
"""

from __future__ import annotations

import logging
import shutil
import socket
import sqlite3
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.i18n.strings import ui_text

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    started REAL NOT NULL,
    ended REAL,
    language TEXT NOT NULL,
    kiosk TEXT NOT NULL DEFAULT ''
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
CREATE TABLE IF NOT EXISTS recoveries (
    at REAL NOT NULL,
    kiosk TEXT NOT NULL,
    visits INTEGER NOT NULL,
    kept TEXT NOT NULL
);
"""
TABLES = ("visits", "views", "steps", "taps", "languages")
RECOVER_TIMEOUT_S = 20  # a year of visits is a few MB; the CLI recovers that in well under a second


def kiosk_name(configured: str = "") -> str:
    """The kiosk id rows are recorded under: the settings' one, else this machine's host name."""
    return configured or socket.gethostname() or "kiosk"


def _add_kiosk_column(db: sqlite3.Connection, kiosk: str) -> None:
    """Databases from before kiosk ids: their visits were this machine's."""
    columns = [row[1] for row in db.execute("PRAGMA table_info(visits)")]
    if "kiosk" not in columns:
        db.execute("ALTER TABLE visits ADD COLUMN kiosk TEXT NOT NULL DEFAULT ''")
        db.execute("UPDATE visits SET kiosk = ?", (kiosk,))


def recover_database(damaged: Path, target: Path) -> tuple[int, str]:
    """Copy every row SQLite can still read from `damaged` into a new database at `target`:
    the number of visits saved, and how. `damaged` is only read.

    SQLite's own recovery, `.recover` of the sqlite3 command, reads every page, free ones
    included, and rebuilds the rows it finds there; Python's sqlite3 module has no binding for
    it. Where the command is missing or cannot recover (Debian 12's is built without the page
    table `.recover` needs and stops with "SQL logic error"), each table is read through
    Python's sqlite3 from both ends up to the damage, so only the rows of the damaged pages
    are lost.
    """
    target.unlink(missing_ok=True)
    script = _recover_script(damaged)
    if script:
        db = sqlite3.connect(target, isolation_level=None)
        try:
            db.executescript(script)
            db.executescript(SCHEMA)
            return int(db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]), "sqlite3 .recover"
        except sqlite3.Error as error:
            log.warning("analytics: what sqlite3 .recover found cannot be written back (%s)", error)
        finally:
            db.close()
        target.unlink(missing_ok=True)
    db = sqlite3.connect(target, isolation_level=None)
    try:
        _copy_readable_rows(damaged, db)
        db.executescript(SCHEMA)
        visits = int(db.execute("SELECT COUNT(*) FROM visits").fetchone()[0])
        return visits, "the rows each table yields up to the damage"
    finally:
        db.close()


def _recover_script(damaged: Path) -> str | None:
    """SQL rebuilding what `sqlite3 DAMAGED .recover` finds, or None when it cannot."""
    command = shutil.which("sqlite3")
    if command is None:
        return None
    try:
        done = subprocess.run(
            [command, str(damaged), ".recover"], capture_output=True, timeout=RECOVER_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("analytics: sqlite3 .recover failed (%s)", error)
        return None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        log.warning("analytics: sqlite3 .recover failed (%s)", reason[-1] if reason else done.returncode)
        return None
    return done.stdout.decode("utf-8", "replace")


def _copy_readable_rows(damaged: Path, db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)
    try:
        source = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    db.execute("BEGIN")
    try:
        for table in TABLES:
            rows: dict[int, tuple[object, ...]] = {}
            for order in ("ASC", "DESC"):
                try:
                    for row in source.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid {order}"):
                        rows[row[0]] = row
                except sqlite3.Error:
                    continue  # the damage: the other end is read next
            if not rows:
                continue
            width = len(next(iter(rows.values())))
            marks = ", ".join("?" * width)
            columns = _columns(db, table, width - 1)
            db.executemany(
                f"INSERT OR IGNORE INTO {table} (rowid, {columns}) VALUES ({marks})", rows.values()
            )
        db.execute("COMMIT")
    finally:
        source.close()


def _columns(db: sqlite3.Connection, table: str, count: int) -> str:
    """The first `count` columns of `table` (a database from before kiosk ids has fewer)."""
    return ", ".join([row[1] for row in db.execute(f"PRAGMA table_info({table})")][:count])


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

    def __init__(self, path: Path, clock: Callable[[], float] = time.time, kiosk: str = "") -> None:
        self.path = path
        self._clock = clock
        self.kiosk = kiosk_name(kiosk)
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
                # Damage anywhere is found now, while the rows around it can still be recovered,
                # not by the report months later (a year of visits is checked in milliseconds).
                damage = [row[0] for row in db.execute("PRAGMA quick_check(5)")]
                if damage != ["ok"]:
                    raise sqlite3.DatabaseError(f"database disk image is malformed: {'; '.join(damage)}")
                db.executescript(SCHEMA)
                _add_kiosk_column(db, self.kiosk)
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
        if "malformed" not in message and "not a database" not in message:
            return
        stamp = int(self._clock())
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        recovered = self.path.with_name(f"{self.path.name}.recovered-{stamp}")
        how = ""
        try:
            visits, how = recover_database(self.path, recovered)
        except (sqlite3.Error, OSError) as failure:
            log.warning("analytics: nothing could be recovered from %s (%s)", self.path, failure)
            recovered.unlink(missing_ok=True)
            visits = -1
        try:
            # The damaged file and its write-ahead log go aside together, then the recovered
            # copy takes its place; only now is anything moved.
            for suffix in ("-wal", "-shm"):
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    companion.rename(aside.with_name(aside.name + suffix))
            self.path.rename(aside)
            if visits >= 0:
                with sqlite3.connect(recovered, isolation_level=None) as db:
                    row = (self._clock(), self.kiosk, visits, aside.name)
                    db.execute("INSERT INTO recoveries VALUES (?, ?, ?, ?)", row)
                db.close()
                recovered.rename(self.path)
        except (sqlite3.Error, OSError) as failure:
            log.warning("analytics: the corrupt database %s could not be replaced (%s)", self.path, failure)
            return
        if visits >= 0:
            log.warning(
                "analytics: corrupt database recovered: %d visit(s) kept (%s); the damaged file is %s",
                visits,
                how,
                aside,
            )
        else:
            log.warning("analytics: corrupt database moved aside to %s", aside)

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
                row = (self._clock(), language, self.kiosk)
                cursor = db.execute("INSERT INTO visits (started, language, kiosk) VALUES (?, ?, ?)", row)
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


class ReportError(Exception):
    """A database the report cannot read, said in one line."""


@dataclass
class Report:
    visits: int = 0
    per_hour: dict[int, int] = field(default_factory=dict)
    per_day: dict[str, int] = field(default_factory=dict)
    lengths: list[float] = field(default_factory=list)  # seconds of each ended visit
    pages: dict[str, tuple[int, float]] = field(default_factory=dict)  # page: views, seconds
    languages: dict[str, int] = field(default_factory=dict)
    tours: dict[str, tuple[int, int]] = field(default_factory=dict)  # page: (started, completed)
    figure_taps: dict[str, int] = field(default_factory=dict)
    kiosks: dict[str, int] = field(default_factory=dict)  # kiosk id: visits
    recovered: list[tuple[str, float, int]] = field(default_factory=list)  # kiosk, when, visits
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # damaged databases read through a recovery
    first: float | None = None  # the first and last visit's start
    last: float | None = None

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.lengths) if self.lengths else 0.0

    @property
    def top_pages(self) -> list[tuple[str, int, float]]:
        """Page, views and seconds, the most viewed first."""
        ranked = sorted(self.pages.items(), key=lambda item: (-item[1][0], item[0]))
        return [(page, views, seconds) for page, (views, seconds) in ranked]

    def lines(self) -> list[str]:
        out = [*self.notes, f"visits: {self.visits}", f"median visit: {self.median_seconds:.0f} s"]
        if len(self.kiosks) > 1 or self.sources[1:]:
            out.append("kiosks: " + ", ".join(f"{kiosk} {n}" for kiosk, n in sorted(self.kiosks.items())))
        out += [
            f"recovered from a damaged database on {_day(at)}: {visits} visit(s) ({kiosk})"
            for kiosk, at, visits in self.recovered
        ]
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


def _day(moment: float) -> str:
    return datetime.fromtimestamp(moment).date().isoformat()


def _add(counts: dict[Any, int], key: Any, number: int) -> None:
    counts[key] = counts.get(key, 0) + number


_SQLITE_HEADER = b"SQLite format 3\x00"


def open_for_report(path: Path, scratch: Path | None = None) -> tuple[sqlite3.Connection, int | None]:
    """The database at `path`, read-only, with the tables a report needs, and None; for a
    damaged one (given a `scratch` folder) a copy recovered there, and the visits it saved.
    `ReportError` when there is nothing to report from."""
    if not path.exists():
        raise ReportError(f"{path}: no such file (no visit recorded there yet?)")
    if not path.is_file():
        raise ReportError(f"{path}: not a database file (a folder or a device)")
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise ReportError(f"{path}: cannot be read ({error.strerror or error})") from None
    if header != _SQLITE_HEADER:
        raise ReportError(f"{path}: cannot be read as an analytics database (not an SQLite file)")
    recovered = None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
        damage = [row[0] for row in db.execute("PRAGMA quick_check(1)")]
        if damage != ["ok"] and scratch is not None:
            db.close()
            copy = scratch / f"{len(list(scratch.iterdir()))}.sqlite3"
            recovered = recover_database(path, copy)[0]
            db = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        found = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as error:
        raise ReportError(f"{path}: cannot be read as an analytics database ({error})") from None
    missing = [table for table in TABLES if table not in found]
    if missing:
        db.close()
        raise ReportError(f"{path}: not a kiosk's analytics database (no table {', '.join(missing)})")
    return db, recovered


def _distinct(paths: Iterable[Path]) -> list[Path]:
    """Each database once, however often it is named (`*.sqlite3` and a name of the same file)."""
    seen: set[Path] = set()
    kept = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def build_report(paths: Path | Iterable[Path], since: float = 0.0) -> Report:
    """The visits of every database in `paths` from `since` on, as one report; `ReportError`
    names the first database that cannot be read."""
    report = Report()
    with tempfile.TemporaryDirectory(prefix="kiosk-report-") as scratch:
        for path in _distinct([paths] if isinstance(paths, Path) else paths):
            db, recovered = open_for_report(path, Path(scratch))
            if recovered is not None:
                report.notes.append(
                    f"{path} is damaged: {recovered} visit(s) recovered from it for this report"
                )
            try:
                _add_database(report, db, path, since)
            except sqlite3.Error as error:
                raise ReportError(f"{path}: cannot be read ({error})") from None
            finally:
                db.close()
    return report


def _add_database(report: Report, db: sqlite3.Connection, path: Path, since: float) -> None:
    report.sources.append(str(path))
    has_kiosk = "kiosk" in [row[1] for row in db.execute("PRAGMA table_info(visits)")]
    kiosk_column = "kiosk" if has_kiosk else "''"
    visits = db.execute(
        f"SELECT started, ended, {kiosk_column} FROM visits WHERE started >= ?", (since,)
    ).fetchall()
    report.visits += len(visits)
    for started, ended, kiosk in visits:
        moment = datetime.fromtimestamp(started)
        _add(report.per_hour, moment.hour, 1)
        _add(report.per_day, moment.date().isoformat(), 1)
        _add(report.kiosks, kiosk or path.stem, 1)
        if ended is not None:
            report.lengths.append(ended - started)
        report.first = started if report.first is None else min(report.first, started)
        report.last = started if report.last is None else max(report.last, started)
    ids = "SELECT id FROM visits WHERE started >= ?"
    for page, views, seconds in db.execute(
        f"SELECT page, COUNT(*), SUM(seconds) FROM views WHERE visit IN ({ids}) GROUP BY page", (since,)
    ):
        before = report.pages.get(page, (0, 0.0))
        report.pages[page] = (before[0] + views, before[1] + (seconds or 0.0))
    for lang, count in db.execute(
        f"SELECT language, COUNT(DISTINCT visit) FROM languages WHERE visit IN ({ids}) GROUP BY language",
        (since,),
    ):
        _add(report.languages, lang, count)
    completed = dict(
        db.execute(
            f"SELECT page, COUNT(DISTINCT visit) FROM steps WHERE visit IN ({ids}) AND step = of - 1 "
            "GROUP BY page",
            (since,),
        ).fetchall()
    )
    for page, started_count in db.execute(
        f"SELECT page, COUNT(DISTINCT visit) FROM views WHERE visit IN ({ids}) AND page LIKE 'tour/%' "
        "GROUP BY page",
        (since,),
    ):
        before_tour = report.tours.get(page, (0, 0))
        report.tours[page] = (before_tour[0] + started_count, before_tour[1] + completed.get(page, 0))
    for figure, count in db.execute(
        f"SELECT figure, COUNT(*) FROM taps WHERE visit IN ({ids}) GROUP BY figure", (since,)
    ):
        _add(report.figure_taps, figure, count)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "recoveries" in tables:
        report.recovered += [
            (kiosk or path.stem, at, count)
            for at, kiosk, count in db.execute("SELECT at, kiosk, visits FROM recoveries ORDER BY at")
        ]


EVENT_COLUMNS = ("kiosk", "visit", "time", "event", "page", "detail", "seconds")


def events(paths: Iterable[Path], since: float = 0.0) -> Iterator[tuple[object, ...]]:
    """Every recorded event of every database, one row each (`EVENT_COLUMNS`): visit start and
    end, page view, tour or page step, figure tap, language chosen."""
    with tempfile.TemporaryDirectory(prefix="kiosk-report-") as scratch:
        for path in _distinct(paths):
            db, _recovered = open_for_report(path, Path(scratch))
            try:
                yield from _events(db, since)
            except sqlite3.Error as error:
                raise ReportError(f"{path}: cannot be read ({error})") from None
            finally:
                db.close()


def _events(db: sqlite3.Connection, since: float) -> Iterator[tuple[object, ...]]:
    def when(moment: float | None) -> str:
        return "" if moment is None else datetime.fromtimestamp(moment).isoformat(timespec="seconds")

    has_kiosk = "kiosk" in [row[1] for row in db.execute("PRAGMA table_info(visits)")]
    kiosk_column = "kiosk" if has_kiosk else "''"  # a database no kiosk of today has opened yet
    visits = db.execute(
        f"SELECT id, started, ended, {kiosk_column} FROM visits WHERE started >= ? ORDER BY id", (since,)
    )
    for visit, started, ended, kiosk in visits.fetchall():
        yield kiosk, visit, when(started), "visit start", "", "", ""
        languages = db.execute("SELECT language FROM languages WHERE visit = ? ORDER BY rowid", (visit,))
        for (lang,) in languages:
            yield kiosk, visit, "", "language", "", lang, ""
        for page, at, seconds in db.execute(
            "SELECT page, started, seconds FROM views WHERE visit = ? ORDER BY rowid", (visit,)
        ):
            yield kiosk, visit, when(at), "page view", page, "", "" if seconds is None else round(seconds, 1)
        for page, step, of in db.execute(
            "SELECT page, step, of FROM steps WHERE visit = ? ORDER BY rowid", (visit,)
        ):
            yield kiosk, visit, "", "step", page, f"{step + 1} of {of}", ""
        for (figure,) in db.execute("SELECT figure FROM taps WHERE visit = ? ORDER BY rowid", (visit,)):
            yield kiosk, visit, "", "figure tap", "", figure, ""
        if ended is not None:
            yield kiosk, visit, when(ended), "visit end", "", "", round(ended - started, 1)
