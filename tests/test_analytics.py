"""Visits recorded locally and anonymously, a report from them, and a database that can never
stop the kiosk (corrupt, locked or unwritable)."""

from __future__ import annotations

import csv
import io
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

import kiosk
from kiosk.app.report import run_report
from kiosk.cli import main
from kiosk.showfloor.analytics import SCHEMA, VisitRecorder, build_report
from kiosk.showfloor.report import report_csv

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
    recorder = VisitRecorder(db, clock=lambda: now[0], kiosk="hall-a")
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
    assert ["figure tap", "truck-range", "1", ""] in rows
    assert ["kiosk", "hall-a", "3", ""] in rows
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
    # The kiosk column names the machine (its settings' id or host name), never the visitor.
    assert columns["visits"] == ["id", "started", "ended", "language", "kiosk"]


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
    assert run_report(db, "last week", None, None) == 1
    assert capsys.readouterr().err == "kiosk report: --since wants a date like 2026-11-27, not 'last week'\n"


def _filled(db: Path, kiosk: str, visits: int, day: datetime = datetime(2026, 11, 27, 9, 0)) -> None:
    """`visits` visits of two pages each, one every ten minutes from `day` on."""
    now = [day.timestamp()]
    recorder = VisitRecorder(db, clock=lambda: now[0], kiosk=kiosk)
    for number in range(visits):
        recorder.start_visit("zh" if number % 3 else "en")
        recorder.page_view("home")
        now[0] += 20
        recorder.page_view("tour/daxing")
        recorder.step("tour/daxing", 3, 4)
        recorder.figure_tap("truck-range")
        now[0] += 40
        recorder.end_visit()
        now[0] += 540
    recorder.close()


def _bulk(db: Path, kiosk: str, visits: int) -> None:
    """As `_filled`, written at once: a few weeks of a busy kiosk."""
    start = datetime(2026, 11, 1, 9, 0).timestamp()
    connection = sqlite3.connect(db)
    connection.executescript(SCHEMA)
    moments = [start + number * 600 for number in range(visits)]
    connection.executemany(
        "INSERT INTO visits (id, started, ended, language, kiosk) VALUES (?, ?, ?, 'zh', ?)",
        [(number + 1, at, at + 60, kiosk) for number, at in enumerate(moments)],
    )
    connection.executemany(
        "INSERT INTO views VALUES (?, ?, ?, ?)",
        [(number + 1, page, at, 30) for number, at in enumerate(moments) for page in ("home", "tour/daxing")],
    )
    connection.executemany("INSERT INTO languages VALUES (?, 'zh')", [(n + 1,) for n in range(visits)])
    connection.commit()
    connection.close()


def _damage_one_page(db: Path, table: str) -> None:
    """Garbage over one page in the middle of `table`'s pages, as a failing card leaves it."""
    connection = sqlite3.connect(db)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        row[0]
        for row in connection.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))
    ]
    connection.close()
    victim = pages[len(pages) // 2]
    with db.open("r+b") as file:
        file.seek((victim - 1) * page_size)
        file.write(bytes(range(256)) * (page_size // 256))


# Debian 12's sqlite3 command cannot `.recover` (built without the page table it reads): there
# the first case also ends in the copy of what each table yields.
@pytest.mark.parametrize("tool", ["sqlite3 .recover", "rows read from either end"])
def test_a_damaged_database_is_recovered_before_it_is_moved_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, tool: str
) -> None:
    if tool != "sqlite3 .recover":
        monkeypatch.setattr("kiosk.showfloor.analytics.shutil.which", lambda _name: None)
    db = tmp_path / "visits.sqlite3"
    _bulk(db, "hall-a", 3000)
    _damage_one_page(db, "visits")

    recorder = VisitRecorder(db, kiosk="hall-a")
    recorder.start_visit("zh")  # finds the damage: not recorded, the file recovered
    assert recorder.visit is None
    recorder.start_visit("zh")  # the next visit records into the recovered file
    recorder.close()
    assert list(tmp_path.glob("visits.sqlite3.corrupt-*")), "the damaged file is kept aside"
    assert "corrupt database recovered" in caplog.text
    report = build_report(db)
    ((kiosk, _at, saved),) = report.recovered
    assert kiosk == "hall-a"
    # One page of 4 kB held some 150 visits: those are lost, every other page is kept.
    assert saved >= 2700, f"only {saved} of 3000 visits recovered"
    assert report.visits == saved + 1
    assert (
        f"recovered from a damaged database on {datetime.now().date()}: {saved} visit(s) (hall-a)"
        in report.lines()
    )


def test_two_kiosks_databases_make_one_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hall_a, hall_b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _filled(hall_a, "hall-a", 5)
    _filled(hall_b, "hall-b", 3, datetime(2026, 11, 28, 14, 0))
    # hall-a's named twice (as a shell glob and by hand would): counted once.
    arguments = ["report", str(hall_a), str(hall_b), str(tmp_path / "." / "a.sqlite3")]
    assert main([*arguments, "--events", str(tmp_path / "events.csv")]) == 0
    out = capsys.readouterr().out
    assert "visits: 8" in out
    assert "kiosks: hall-a 5, hall-b 3" in out
    assert "visits per day: 2026-11-27 5, 2026-11-28 3" in out
    assert "  tour/daxing: 8 / 8" in out
    rows = list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text(encoding="utf-8"))))
    kinds = Counter(row["event"] for row in rows)
    assert kinds == {
        "visit start": 8,
        "language": 8,
        "page view": 16,
        "step": 8,
        "figure tap": 8,
        "visit end": 8,
    }
    assert {row["kiosk"] for row in rows} == {"hall-a", "hall-b"}
    assert {"kiosk": "hall-b", "event": "figure tap", "detail": "truck-range"}.items() <= rows[-2].items()


def test_a_database_from_before_kiosk_ids_takes_this_kiosks(tmp_path: Path) -> None:
    db = tmp_path / "visits.sqlite3"
    old = sqlite3.connect(db)
    old.executescript(SCHEMA.replace(",\n    kiosk TEXT NOT NULL DEFAULT ''", ""))
    old.execute("INSERT INTO visits (started, ended, language) VALUES (?, ?, 'zh')", (T0, T0 + 30))
    old.commit()
    old.close()
    VisitRecorder(db, kiosk="hall-a").open()
    assert build_report(db).kiosks == {"hall-a": 1}


def _report_failure(tmp_path: Path, *arguments: str, file_limit: int | None = None) -> tuple[int, str, str]:
    def limit() -> None:
        if file_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "report", *arguments],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        # This checkout's kiosk, whatever the folder the command runs in.
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(Path(kiosk.__file__).parents[1]),
        },
        preexec_fn=limit,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def test_every_report_failure_is_one_line_and_exit_1(tmp_path: Path) -> None:
    good = tmp_path / "visits.sqlite3"
    _filled(good, "hall-a", 3)
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all " * 300)
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).execute("CREATE TABLE other (x)").connection.close()
    cases = {
        (str(folder),): f"kiosk report: {folder}: not a database file (a folder or a device)",
        (str(tmp_path / "none.sqlite3"),): f"kiosk report: {tmp_path / 'none.sqlite3'}: no such file",
        (str(garbage),): f"kiosk report: {garbage}: cannot be read as an analytics database",
        (str(empty),): f"kiosk report: {empty}: not a kiosk's analytics database (no table visits, views",
        (str(good), str(empty)): f"kiosk report: {empty}: not a kiosk's analytics database",
        (str(good), "--csv", str(folder)): f"kiosk report: cannot write {folder}",
        (str(good), "--since", "yesterday"): "kiosk report: --since wants a date like 2026-11-27",
    }
    for arguments, expected in cases.items():
        code, _out, err = _report_failure(tmp_path, *arguments)
        assert (code, err.count("\n")) == (1, 1), (arguments, err)
        assert err.startswith(expected), (arguments, err)
    # A full disk: nothing past 40 kB (the database's 32 kB index of its log still fits).
    code, _out, err = _report_failure(tmp_path, str(good), "--png", "summary.png", file_limit=40_000)
    assert (code, err.count("\n")) == (1, 1), err
    assert err.startswith("kiosk report: cannot write"), err
    assert not (tmp_path / "summary.png").exists()


def test_the_printable_summary_is_one_a4_page_with_every_section(tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) reads the PDF's text back")
    hall_a, hall_b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _filled(hall_a, "hall-a", 5)
    _filled(hall_b, "hall-b", 3, datetime(2026, 11, 28, 14, 0))
    pdf, png = tmp_path / "summary.pdf", tmp_path / "summary.png"
    assert run_report([hall_a, hall_b], None, png_path=png, pdf_path=pdf) == 0
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("\f") == 1, "one page"
    for seen in (
        "Kiosk visitors: summary",
        "2026-11-27 to 2026-11-28",
        "kiosks: hall-a (5), hall-b (3)",
        "Visits per day",
        "Visits by hour of the day",
        "1 min 00 s",  # the median visit
        "Most viewed pages",
        "Languages used",
        "Tours: reached the last stop",
        "8 of 8",
        "Figures tapped most",
        "truck-range",
        "Visits per kiosk",
    ):
        assert seen in text, seen
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    assert "842 x 595 pts (A4)" in size or not size
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")) == (1754, 1240)


@pytest.mark.parametrize(
    ("script", "how"),
    [("good", "sqlite3 .recover"), ("unusable", "the rows each table yields up to the damage")],
)
def test_what_a_working_recover_command_finds_is_used_else_the_rows_that_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, script: str, how: str
) -> None:
    """Where `sqlite3 .recover` works (Debian 13's does), the database it rebuilds is taken; a
    script that cannot be replayed falls back to the copy. A stand-in command plays it here."""
    db = tmp_path / "visits.sqlite3"
    _bulk(db, "hall-a", 3000)
    found = tmp_path / "recovered.sql"
    if script == "good":
        # What .recover prints for a page it can read: the statements that rebuild the rows.
        whole = sqlite3.connect(db)
        found.write_text("\n".join(whole.iterdump()) + "\n", encoding="utf-8")
        whole.close()
    else:
        found.write_text("BEGIN; this is no SQL;\n", encoding="utf-8")
    command = tmp_path / "bin" / "sqlite3"
    command.parent.mkdir()
    command.write_text(f'#!/bin/sh\ncat "{found}"\n', encoding="utf-8")
    command.chmod(0o755)
    monkeypatch.setenv("PATH", f"{command.parent}{os.pathsep}{os.environ['PATH']}")
    _damage_one_page(db, "visits")
    recorder = VisitRecorder(db, kiosk="hall-a")
    recorder.open()
    recorder.close()
    assert "corrupt database recovered: " in caplog.text
    assert f"({how})" in caplog.text
    saved = build_report(db).recovered[0][2]
    assert saved == 3000 if script == "good" else 2700 <= saved < 3000


def test_a_report_whose_reader_has_gone_ends_quietly(tmp_path: Path) -> None:
    """`kiosk report | head -1`: the reader is gone before the report is written."""
    db = tmp_path / "visits.sqlite3"
    _bulk(db, "hall-a", 200)
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "report", str(db)],
            stdout=writer,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(Path(kiosk.__file__).parents[1])},
            timeout=60,
            check=False,
        )
    finally:
        os.close(writer)
    assert done.stderr == b""
    assert done.returncode == 1


def test_a_damaged_copy_from_another_kiosk_is_read_through_a_recovery(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hall_a, hall_b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _filled(hall_a, "hall-a", 5)
    _bulk(hall_b, "hall-b", 3000)
    _damage_one_page(hall_b, "visits")
    before = hall_b.read_bytes()
    assert main(["report", str(hall_a), str(hall_b)]) == 0
    out = capsys.readouterr().out.splitlines()
    (note,) = [line for line in out if "is damaged" in line]
    saved = int(note.split(": ")[1].split(" ")[0])
    assert saved >= 2700
    assert f"visits: {5 + saved}" in out
    assert hall_b.read_bytes() == before, "the damaged file is only read"


def test_report_counts_one_view_in_the_singular() -> None:
    from kiosk.showfloor.analytics import Report  # noqa: PLC0415

    lines = Report(pages={"home": (1, 3.0), "voices": (2, 8.0)}).lines()
    assert "  home: 1 view, 3 s" in lines
    assert "  voices: 2 views, 8 s" in lines
