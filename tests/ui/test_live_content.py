"""Content edited while the kiosk runs: valid edits swap in at the visitor's place, broken
ones leave the last good content on screen, and a later fix recovers."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from visible import settled, visible_texts

from kiosk.content import load_content
from kiosk.system.content_watcher import ContentWatcher
from kiosk.system.image_check import check_image
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.vision import VisionPage
from kiosk.ui.session import Session

# tests/ui/conftest.py's `watched_window`: (window, watcher, path) for a content dict.
WatchedWindow = Callable[[dict[str, Any]], tuple[MainWindow, ContentWatcher, Path]]


class Kiosk:
    def __init__(self, window: MainWindow, watcher: ContentWatcher, path: Path, data: dict[str, Any]) -> None:
        self.window, self.watcher, self.path, self.data = window, watcher, path, data

    def edited(self, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        data = json.loads(json.dumps(self.data))
        change(data)
        return data


@pytest.fixture
def kiosk(watched_window: WatchedWindow, content_dict: dict[str, Any]) -> Iterator[Kiosk]:
    window, watcher, path = watched_window(content_dict)
    return Kiosk(window, watcher, path, content_dict)


def _headline(data: dict[str, Any], text: str) -> None:
    data["visions"][1]["headline"]["zh"] = text


def test_a_valid_edit_swaps_in_and_keeps_the_page(qtbot: QtBot, kiosk: Kiosk) -> None:
    window = kiosk.window
    window.session.go_to("vision/green", direction=0)
    data = kiosk.edited(lambda d: _headline(d, "新的标题"))
    with qtbot.waitSignal(kiosk.window.content_shown, timeout=5000):
        kiosk.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.session.current_id == "vision/green"
    page = window.current_page
    assert isinstance(page, VisionPage)
    assert "新的标题" in visible_texts(page)


def test_a_swap_builds_only_the_page_on_screen_and_retires_the_old_ones(qtbot: QtBot, kiosk: Kiosk) -> None:
    """The swap's own event-loop turn stays short: no page but the visitor's is built in it,
    and the replaced pages are deleted over the following turns."""
    window = kiosk.window
    for page_id in ("vision/green", "tour/daxing", "voices"):
        window.session.go_to(page_id, direction=0)
    old_pages = list(window.pages.values())
    gone: list[str] = []
    for page in old_pages:
        page.destroyed.connect(lambda _obj=None, page_id=page.page_id: gone.append(page_id))
    with qtbot.waitSignal(window.content_shown, timeout=5000):
        window.session.set_content(load_content(kiosk.path, check_image))
    assert list(window.pages) == ["voices"]
    assert window.current_page is not None
    assert window.current_page.isVisible()
    assert not gone  # not in the swap's turn
    qtbot.waitUntil(lambda: len(gone) == len(old_pages), timeout=5000)
    assert sorted(gone) == sorted(page.page_id for page in old_pages)
    window.session.go_home()  # home is built on its visit
    assert window.session.current_id == "home"
    assert "home" in window.pages


def test_a_live_swap_builds_the_new_page_a_turn_before_showing_it(qtbot: QtBot, kiosk: Kiosk) -> None:
    """Two short event-loop turns instead of one long one: build out of sight, then swap."""
    window = kiosk.window
    window.session.go_to("vision/green", direction=0)
    old = window.current_page
    assert old is not None
    loaded = load_content(kiosk.path, check_image)
    with qtbot.waitSignal(window.content_shown, timeout=5000):
        window.session.set_content(loaded)
        built = window._prebuilt
        assert built is not None
        assert not built.isVisible()
        assert window.current_page is old  # the old page stays on screen, live, this turn
        assert old.isVisible()
    assert window.current_page is built  # the page built before the swap is the one shown
    assert built.loaded is loaded
    assert built.isVisible()
    assert window.session.current_id == "vision/green"


def test_a_broken_edit_keeps_the_last_good_content(qtbot: QtBot, kiosk: Kiosk) -> None:
    window = kiosk.window
    window.session.go_to("vision/green", direction=0)
    qtbot.waitUntil(lambda: settled(window.current_page))  # type: ignore[arg-type]
    before = visible_texts(window.current_page)  # type: ignore[arg-type]
    with qtbot.waitSignal(kiosk.watcher.failed, timeout=5000) as failed:
        kiosk.path.write_text('{"meta": ', encoding="utf-8")
    error = failed.args[0]
    assert "JSON syntax error" in str(error.problems[0])
    assert window.session.current_id == "vision/green"
    assert window.error_page is None  # visitors never see the problems
    assert window.session.problems is error
    assert visible_texts(window.current_page) == before  # type: ignore[arg-type]
    # A later valid save recovers.
    data = kiosk.edited(lambda d: _headline(d, "修好了"))
    with qtbot.waitSignal(kiosk.window.content_shown, timeout=5000):
        kiosk.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.session.problems is None
    assert "修好了" in visible_texts(window.current_page)  # type: ignore[arg-type]


def test_rename_style_saves_are_seen(qtbot: QtBot, kiosk: Kiosk) -> None:
    window = kiosk.window
    window.session.go_to("vision/green", direction=0)
    for text in ("第一次保存", "第二次保存"):  # twice: the watch must survive the first rename
        temporary = kiosk.path.with_name(".content.json.swp")
        temporary.write_text(json.dumps(kiosk.edited(lambda d, t=text: _headline(d, t)), ensure_ascii=False))
        with qtbot.waitSignal(kiosk.window.content_shown, timeout=5000):
            os.replace(temporary, kiosk.path)
        assert text in visible_texts(window.current_page)  # type: ignore[arg-type]


def test_a_half_written_file_is_not_reported_when_it_settles(qtbot: QtBot, kiosk: Kiosk) -> None:
    failures: list[object] = []
    kiosk.watcher.failed.connect(failures.append)
    text = json.dumps(kiosk.edited(lambda d: _headline(d, "写完整了")), ensure_ascii=False)
    with (
        qtbot.waitSignal(kiosk.watcher.loaded, timeout=5000),
        kiosk.path.open("w", encoding="utf-8") as stream,
    ):
        stream.write(text[: len(text) // 2])
        stream.flush()
        stream.write(text[len(text) // 2 :])
    assert failures == []


def test_removed_page_falls_back_home(qtbot: QtBot, kiosk: Kiosk) -> None:
    window = kiosk.window
    window.session.go_to("voices", direction=0)

    def without_voices(data: dict[str, Any]) -> None:
        data["voices"] = []
        for tour in data["tours"]:
            for stop in tour["stops"]:
                stop.pop("voice", None)
        data["slideshow"]["slides"] = [s for s in data["slideshow"]["slides"] if s["page"] != "voices"]

    data = kiosk.edited(without_voices)
    with qtbot.waitSignal(kiosk.window.content_shown, timeout=5000):
        kiosk.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.session.current_id == "home"
    assert "voices" not in [ref.id for ref in window.session.refs]


def test_broken_at_start_then_fixed(
    qtbot: QtBot, write_content: Callable[..., Path], content_dict: dict[str, Any]
) -> None:
    from kiosk.app.boot import load_or_report  # noqa: PLC0415

    path = write_content("{ broken")
    loaded, error = load_or_report(path)
    assert loaded is None
    assert error is not None
    window = MainWindow(Session(None, error, "zh", size=(1280, 800), motion_scale=0.1))
    qtbot.addWidget(window)
    window.show()
    watcher = ContentWatcher(path, None, check_image, settle_ms=40, parent=window)
    watcher.loaded.connect(window.session.set_content)
    assert window.error_page is not None
    with qtbot.waitSignal(window.content_shown, timeout=5000):
        path.write_text(json.dumps(content_dict, ensure_ascii=False), encoding="utf-8")
    assert window.error_page is None
    assert window.session.current_id == "home"
    assert window.nav is not None
