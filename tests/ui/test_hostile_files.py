"""Files that are not what they should be, while the kiosk runs: a named pipe renamed over the
content file is reported without blocking the watcher's worker, a deleted content file keeps
the last good content on screen until it is back, and artwork that turned into a pipe after
validation draws nothing instead of freezing the screen."""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from visible import settled, visible_texts

from kiosk.content import ContentError
from kiosk.system.content_watcher import ContentWatcher
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.icons import clear_icon_caches, icon_pixmap

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")

Writer = Callable[..., Path]


# tests/ui/conftest.py's `watched_window`: (window, watcher, path) for a content dict.
WatchedWindow = Callable[[dict[str, Any]], tuple[MainWindow, ContentWatcher, Path]]


class Live:
    def __init__(self, window: MainWindow, watcher: ContentWatcher, path: Path, data: dict[str, Any]) -> None:
        self.window, self.watcher, self.path, self.data = window, watcher, path, data

    def save(self, headline: str) -> None:
        """A valid save, written beside the file and renamed over it as editors do."""
        data = json.loads(json.dumps(self.data))
        data["visions"][1]["headline"]["zh"] = headline
        temporary = self.path.with_name(".content.json.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.path)

    def page_texts(self) -> list[str]:
        page = self.window.current_page
        assert page is not None
        return visible_texts(page)


@pytest.fixture
def live(watched_window: WatchedWindow, content_dict: dict[str, Any]) -> Live:
    window, watcher, path = watched_window(content_dict)
    window.session.go_to("vision/green", direction=0)
    return Live(window, watcher, path, content_dict)


def test_a_pipe_renamed_over_the_content_is_reported_and_the_next_save_recovers(
    qtbot: QtBot, live: Live
) -> None:
    qtbot.waitUntil(lambda: settled(live.window.current_page))  # type: ignore[arg-type]
    before = live.page_texts()
    pipe = live.path.with_name(".content.pipe")
    os.mkfifo(pipe)
    started = time.monotonic()
    with qtbot.waitSignal(live.watcher.failed, timeout=5000) as failed:
        os.replace(pipe, live.path)
    error = failed.args[0]
    assert isinstance(error, ContentError)
    assert [str(p) for p in error.problems] == ["is a named pipe (FIFO), not a regular file"]
    assert time.monotonic() - started < 5
    assert live.window.session.current_id == "vision/green"
    assert live.window.error_page is None
    assert live.page_texts() == before
    # The worker is free again: the next valid save is validated and shown.
    with qtbot.waitSignal(live.window.content_shown, timeout=5000):
        live.save("管道之后")
    assert live.window.session.problems is None
    assert "管道之后" in live.page_texts()


def test_a_deleted_content_file_keeps_the_last_good_content_until_it_is_back(
    qtbot: QtBot, live: Live, caplog: pytest.LogCaptureFixture
) -> None:
    qtbot.waitUntil(lambda: settled(live.window.current_page))  # type: ignore[arg-type]
    before = live.page_texts()
    caplog.set_level(logging.INFO, logger="kiosk.system.content_watcher")
    with qtbot.waitSignal(live.watcher.failed, timeout=5000) as failed:
        live.path.unlink()
    assert "the file is gone" in str(failed.args[0].problems[0])
    gone = [r for r in caplog.records if r.levelno == logging.WARNING and "is gone" in r.getMessage()]
    assert len(gone) == 1
    assert str(live.path) in gone[0].getMessage()
    assert live.window.session.current_id == "vision/green"
    assert live.window.error_page is None
    assert live.page_texts() == before
    with qtbot.waitSignal(live.window.content_shown, timeout=5000):
        live.save("回来了")
    assert any("is back" in r.getMessage() for r in caplog.records)
    assert live.window.session.problems is None
    assert live.watcher.last_error is None
    assert "回来了" in live.page_texts()


def test_the_same_file_put_back_is_validated_again(qtbot: QtBot, live: Live) -> None:
    """Moved away and back unchanged (same size and time stamp): it is still checked, and the
    problem reported while it was gone is cleared."""
    aside = live.path.with_name("aside.json")
    with qtbot.waitSignal(live.watcher.failed, timeout=5000):
        os.replace(live.path, aside)
    with qtbot.waitSignal(live.watcher.loaded, timeout=5000):
        os.replace(aside, live.path)
    assert live.watcher.last_error is None


@pytest.mark.qt_log_ignore(".*")
def test_artwork_turned_into_a_pipe_draws_nothing_without_blocking(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Validated as an icon, then replaced by a pipe: the screen is drawn without it."""
    write_content(content_dict)
    icon = tmp_path / "assets" / "icons" / "vision-green.svg"
    assert not icon_pixmap(icon, 64, "#ffffff").toImage().isNull()
    clear_icon_caches()
    icon.unlink()
    os.mkfifo(icon)
    started = time.monotonic()
    pixmap = icon_pixmap(icon, 64, "#ffffff")
    assert time.monotonic() - started < 2
    assert pixmap.width() == 64
    image = pixmap.toImage()
    assert all(image.pixelColor(x, y).alpha() == 0 for x in range(0, 64, 4) for y in range(0, 64, 4))
    assert any("not a regular file" in r.getMessage() for r in caplog.records)
    clear_icon_caches()
