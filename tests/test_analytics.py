"""Visits recorded locally and anonymously, a report from them, and a database that can never
stop the kiosk (corrupt, locked or unwritable)."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.showfloor.analytics import SCHEMA, VisitRecorder, build_report
from kiosk.showfloor.report import report_csv, run_report

T0 = datetime(2026, 11, 27, 10, 15).timestamp()


def _visit(
    recorder: VisitRecorder, now: list[float], pages: list[tuple[str, float]], lang: str = "zh"
) -> None:
    recorder.start_visit(lang)
    for page, seconds in pages:
        recorder.page_view(page)
        now[0] += seconds
    recorder.end_visit()


def test_visits_pages_languages_tours(tmp_path: Path) -> None:
    now = [T0]
    db = tmp_path / "visits.sqlite3"
    recorder = VisitRecorder(db, clock=lambda: now[0])
    _visit(recorder, now, [("home", 10), ("vision/green", 30)])
    recorder.start_visit("en")
    recorder.page_view("tour/daxing")
    for step in (1, 2, 3):
        recorder.step("tour/daxing", step, 4)
        now[0] += 5
    recorder.figure_tap("truck-range")
    recorder.language("zh")
    now[0] += 20
    recorder.end_visit()
    now[0] += 3600
    _visit(recorder, now, [("home", 5), ("tour/yizhuang", 15)], "en")
    recorder.close()
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    report = build_report(db)
    assert report.visits == 3
    assert report.per_hour == {10: 2, 11: 1}
    assert report.per_day == {"2026-11-27": 3}
    assert report.median_seconds == 35
    assert report.top_pages[0] == ("home", 2, 15.0)
    assert report.languages == {"zh": 2, "en": 2}
    assert report.tours == {"tour/daxing": (1, 1), "tour/yizhuang": (1, 0)}
    assert report.figure_taps == {"truck-range": 1}
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert ["visits", "total", "3", ""] in rows
    assert ["tour completed", "tour/daxing", "1", ""] in rows
    assert build_report(db, since=T0 + 1800).visits == 1


def test_nothing_personal_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "visits.sqlite3"
    recorder = VisitRecorder(db)
    recorder.start_visit("zh")
    recorder.close()
    columns = {
        table: [row[1] for row in sqlite3.connect(db).execute(f"PRAGMA table_info({table})")]
        for table in ("visits", "views", "steps", "taps", "languages")
    }
    assert columns["visits"] == ["id", "started", "ended", "language"]


def test_visits_a_kill_left_open_end_at_their_last_event(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "visits.sqlite3"
    filled = sqlite3.connect(db)
    filled.executescript(SCHEMA)
    filled.executemany(
        "INSERT INTO visits (id, started, ended, language) VALUES (?, ?, ?, 'zh')",
        [(1, T0, T0 + 50), (2, T0 + 100, None), (3, T0 + 200, None), (4, T0 + 300, None)],
    )
    filled.executemany(
        "INSERT INTO views VALUES (?, ?, ?, ?)",
        [
            (1, "home", T0, 50),
            (2, "home", T0 + 100, 10),
            (2, "tour/daxing", T0 + 110, 25),
            (2, "figures", T0 + 135, None),  # on screen when the kiosk was killed
            (4, "voices", T0 + 300, 40),
            (4, "home", T0 + 320, None),  # its last view began before the one above ended
        ],
    )
    filled.commit()
    filled.close()
    recorder = VisitRecorder(db, clock=lambda: T0 + 10_000)
    recorder.open()
    ended = dict(sqlite3.connect(db).execute("SELECT id, ended FROM visits").fetchall())
    assert ended == {1: T0 + 50, 2: T0 + 135, 3: T0 + 200, 4: T0 + 340}
    assert "3 visit(s) left open by an unclean stop" in caplog.text
    assert build_report(db).median_seconds == 37.5  # 50, 35, 0 and 40 s
    # Its own visits are its own: the next start finds nothing to end.
    recorder.start_visit("en")
    recorder.close()
    caplog.clear()
    VisitRecorder(db).open()
    assert "left open" not in caplog.text


def test_a_corrupt_database_is_moved_aside_and_recording_resumes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "visits.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    recorder = VisitRecorder(db)
    recorder.start_visit("zh")  # fails, logs, moves the file aside
    assert recorder.visit is None
    assert "not recorded" in caplog.text
    assert list(tmp_path.glob("visits.sqlite3.corrupt-*"))
    recorder.start_visit("zh")  # the next visit records again
    assert recorder.visit is not None
    recorder.close()
    assert build_report(db).visits == 1


def test_a_locked_database_does_not_stop_anything(tmp_path: Path) -> None:
    db = tmp_path / "visits.sqlite3"
    VisitRecorder(db).close()
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    recorder = VisitRecorder(db)
    recorder.start_visit("zh")
    assert recorder.visit is None
    assert recorder.failures >= 1
    blocker.execute("COMMIT")
    blocker.close()
    recorder.start_visit("zh")
    assert recorder.visit is not None
    recorder.close()


def test_an_unwritable_place_does_not_stop_anything(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    recorder = VisitRecorder(blocked / "visits.sqlite3")
    recorder.start_visit("zh")
    recorder.page_view("home")
    recorder.end_visit()
    assert recorder.failures >= 1


def test_report_command_writes_csv_and_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now = [T0]
    db = tmp_path / "visits.sqlite3"
    recorder = VisitRecorder(db, clock=lambda: now[0])
    _visit(recorder, now, [("home", 12)])
    recorder.close()
    assert run_report(db, "2026-11-01", tmp_path / "r.csv", tmp_path / "r.png") == 0
    out = capsys.readouterr().out
    assert "visits: 1" in out
    assert "median visit: 12 s" in out
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith("section,key,value,seconds")
    assert (tmp_path / "r.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run_report(db, "last week", None, None) == 2


def test_report_counts_one_view_in_the_singular() -> None:
    from kiosk.showfloor.analytics import Report  # noqa: PLC0415

    lines = Report(top_pages=[("home", 1, 3.0), ("voices", 2, 8.0)]).lines()
    assert "  home: 1 view, 3 s" in lines
    assert "  voices: 2 views, 8 s" in lines
