"""The kiosk's own state files (settings, start journal, last good content) are read like
content: a named pipe or a device put in their place is refused at once, never waited on."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.system.settings import Settings
from kiosk.system.start_journal import LastGoodContent, StartJournal


def finishes_at_once(call: Callable[[], object]) -> object:
    """`call()`'s result; a call still blocked after 5 s fails the test (and its thread is left
    to the pipe, which the test's tmp_path removal unblocks)."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "the read waited on a named pipe"
    return result[0]


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_settings_in_a_pipe_are_defaults(pipe: Path) -> None:
    settings = finishes_at_once(lambda: Settings.load(pipe))
    assert isinstance(settings, Settings)
    assert settings.idle_timeout_s == Settings().idle_timeout_s


def test_a_start_journal_in_a_pipe_reads_as_empty(pipe: Path) -> None:
    journal = StartJournal(pipe)
    assert finishes_at_once(journal.entries) == []


def test_last_good_content_in_a_pipe_is_none(pipe: Path) -> None:
    assert finishes_at_once(LastGoodContent(pipe).read) == ("", None)
