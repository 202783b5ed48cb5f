"""The start journal: two starts in a row that never ran well, minutes apart, are a crash loop;
the content that last ran well is kept for the start after it. Pure Python, a clock of our own."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kiosk.content import LoadedContent
from kiosk.system import start_journal
from kiosk.system.start_journal import (
    CRASH_WINDOW_S,
    KEEP_LINES,
    RAN_WELL,
    STARTING,
    LastGoodContent,
    StartJournal,
    content_digest,
)

T0 = 1_764_000_000.0


@pytest.fixture
def now() -> list[float]:
    return [T0]


@pytest.fixture
def journal(tmp_path: Path, now: list[float]) -> StartJournal:
    return StartJournal(tmp_path / "state" / "start-journal.log", clock=lambda: now[0])


def test_a_start_after_one_that_ran_well_is_normal(journal: StartJournal, now: list[float]) -> None:
    assert not journal.start("aaa")  # the very first start: nothing written before
    now[0] += 60
    journal.ran_well("aaa")
    now[0] += 3600
    assert not journal.start("aaa")
    assert [(e.event, e.content) for e in journal.entries()] == [
        (STARTING, "aaa"),
        (RAN_WELL, "aaa"),
        (STARTING, "aaa"),
    ]
    assert journal.entries()[1].time == T0 + 60


def test_two_deaths_within_minutes_are_a_crash_loop(journal: StartJournal, now: list[float]) -> None:
    journal.start("good")
    journal.ran_well("good")
    now[0] += 86_400
    assert not journal.start("bad")  # died: no "ran well"
    now[0] += 5
    assert not journal.start("bad")  # one death is not a loop
    now[0] += 5
    assert journal.start("bad")  # died again: this start plays safe
    now[0] += 5
    assert journal.start("good")  # so does the next, as long as the safe one dies too
    now[0] += 60
    journal.ran_well("good")
    now[0] += 5
    assert not journal.start("good")


def test_deaths_far_apart_are_no_loop(journal: StartJournal, now: list[float]) -> None:
    journal.start("a")
    now[0] += CRASH_WINDOW_S + 1
    journal.start("a")
    now[0] += 1
    assert not journal.start("a")  # the earlier of the last two is past the window
    now[0] += 1
    assert journal.start("a")


def test_a_line_cut_short_by_a_kill_is_skipped(journal: StartJournal, now: list[float]) -> None:
    journal.start("a")
    with journal.path.open("a", encoding="utf-8") as stream:
        stream.write(f"{T0 + 1:.3f} ran w")
    now[0] += 2
    assert [e.event for e in journal.entries()] == [STARTING]
    assert not journal.start("a")


def test_the_journal_is_cut_back(journal: StartJournal, now: list[float]) -> None:
    for _ in range(KEEP_LINES):
        journal.start("a")
        journal.ran_well("a")
        now[0] += 600
    assert len(journal.entries()) == 2 * KEEP_LINES
    journal.start("b")
    entries = journal.entries()
    assert len(entries) == KEEP_LINES + 1
    assert entries[-1].content == "b"
    assert entries[-2].event == RAN_WELL


def test_a_journal_that_cannot_be_written_never_stops_a_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("x", encoding="utf-8")
    journal = StartJournal(blocked / "start-journal.log")
    assert not journal.start("a")
    assert not journal.start("a")
    assert not journal.start("a")
    journal.ran_well("a")
    assert "start journal" in caplog.text


def test_the_digest_is_the_loaders(tmp_path: Path) -> None:
    path = tmp_path / "content.json"
    path.write_bytes(b'{"meta": {}}')
    assert content_digest(path) == LoadedContent.digest_of(b'{"meta": {}}')
    assert content_digest(tmp_path / "missing.json") == ""
    assert content_digest(tmp_path) == ""  # a folder
    assert content_digest(path, limit=4) == ""


@pytest.mark.skipif(sys.platform == "win32", reason="no named pipes in the file system")
def test_a_named_pipe_in_place_of_the_content_does_not_hold_up_the_start(tmp_path: Path) -> None:
    pipe = tmp_path / "content.json"
    os.mkfifo(pipe)
    assert content_digest(pipe) == ""  # returns at once: nobody ever writes to it


def test_the_content_that_ran_well_is_kept(
    tmp_path: Path, bundled: LoadedContent, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LastGoodContent(tmp_path / "last-good-content.pickle")
    assert store.read() == ("", None)
    store.keep(bundled)
    digest, loaded = store.read()
    assert digest == bundled.digest
    assert loaded == bundled
    # A new kiosk version may not use the stored objects, but still knows which bytes ran well.
    monkeypatch.setattr(start_journal, "code_fingerprint", lambda: "another version")
    assert store.read() == (bundled.digest, None)


def test_a_damaged_store_is_as_if_nothing_were_kept(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "last-good-content.pickle"
    path.write_bytes(b"\x80\x05garbage")
    assert LastGoodContent(path).read() == ("", None)
    planted = tmp_path / "planted.pickle"
    planted.write_bytes(b"cos\nsystem\n(S'true'\ntR.")  # would run a command if unpickled freely
    assert LastGoodContent(planted).read() == ("", None)
    assert "not part of the content model" in caplog.text
