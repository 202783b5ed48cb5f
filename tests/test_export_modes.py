"""What the kiosk exports (the PDF handout, `kiosk render`'s PNGs, `kiosk report`'s CSV and
PNG) is created like any file the user saves, 0666 less the umask; its own settings stay 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.app.pdf import export_pdf
from kiosk.app.render import render_pages
from kiosk.app.report import run_report
from kiosk.showfloor.analytics import VisitRecorder
from kiosk.system.safe_write import SHARED, write_atomically, write_text_atomically
from kiosk.system.settings import Settings

# Not the usual 022: a mode that only follows this umask cannot be a hard-coded 0644.
UMASK = 0o027


@pytest.fixture
def umask() -> Iterator[int]:
    before = os.umask(UMASK)
    try:
        yield UMASK
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_handout_gets_the_users_mode(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"an older handout")
    target.chmod(0o600)  # as the kiosk used to write it
    assert export_pdf(target, "en", False, None) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert mode(target) == 0o666 & ~umask
    assert [path.name for path in tmp_path.iterdir()] == ["handout.pdf"]


def test_rendered_pages_get_the_users_mode(tmp_path: Path, umask: int) -> None:
    assert render_pages(tmp_path, (960, 540), "en", None, ["home"]) == 0
    pictures = list(tmp_path.glob("*.png"))
    assert pictures
    assert {mode(picture) for picture in pictures} == {0o666 & ~umask}


def test_reports_get_the_users_mode(tmp_path: Path, umask: int) -> None:
    now = [datetime(2026, 11, 27, 10, 15).timestamp()]
    database = tmp_path / "visits.sqlite3"
    recorder = VisitRecorder(database, clock=lambda: now[0])
    recorder.start_visit("zh")
    recorder.page_view("home")
    now[0] += 12
    recorder.end_visit()
    recorder.close()
    csv, png = tmp_path / "report.csv", tmp_path / "report.png"
    assert run_report(database, None, csv, png) == 0
    assert (mode(csv), mode(png)) == (0o666 & ~umask, 0o666 & ~umask)


def test_settings_stay_private(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "settings.json"
    Settings().save(target)
    Settings.load(target).save(target)  # the second save may keep a copy of the first
    modes = {path.name: oct(mode(path)) for path in tmp_path.iterdir()}
    assert "settings.json" in modes
    assert set(modes.values()) == {oct(0o600)}, modes


def test_the_writer_defaults_to_private_and_follows_the_umask_when_shared(tmp_path: Path) -> None:
    before = os.umask(0o022)
    try:
        write_text_atomically(tmp_path / "private.txt", "kiosk only")
        write_text_atomically(tmp_path / "shared.txt", "for people", mode=SHARED)
    finally:
        os.umask(before)
    assert mode(tmp_path / "private.txt") == 0o600
    assert mode(tmp_path / "shared.txt") == 0o644


def test_a_failed_shared_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")

    def fail(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, fail, mode=SHARED)
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["report.csv"]
