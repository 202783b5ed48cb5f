"""Fixtures for driving the real kiosk window through qtbot."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.boot import create_application
from kiosk.content import LoadedContent, load_content
from kiosk.system.content_watcher import ContentWatcher
from kiosk.system.image_check import check_image
from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Preferences
from kiosk.ui.session import Session
from kiosk.ui.snapshot import PageSnapshots


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    """The kiosk's own QApplication: Fusion style, bundled fonts (pytest-qt uses this one)."""
    return create_application(["kiosk-tests"])


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, bundled: LoadedContent) -> Iterator[MakeWindow]:
    made: list[MainWindow] = []

    def make(
        size: tuple[int, int] = (1920, 1080),
        lang: str = "zh",
        loaded: LoadedContent | None = None,
        reduced_motion: bool = False,
        may_close: Callable[[], bool] = lambda: True,
        motion_scale: float = 0.1,
    ) -> MainWindow:
        # Animations at a tenth of their length: the tests wait for them, not for the clock.
        session = Session(
            loaded or bundled, None, lang, size=size, reduced_motion=reduced_motion, motion_scale=motion_scale
        )
        window = MainWindow(session, may_close)
        qtbot.addWidget(window)
        made.append(window)
        window.setFixedSize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in made:  # the router is application-wide: none outlives its test
        window.router.stop()


@pytest.fixture
def snapshots(
    qapp: QApplication, bundled: LoadedContent, request: pytest.FixtureRequest
) -> Iterator[PageSnapshots]:
    """Pages pictured offscreen in Chinese; `request.param` (indirect) gives (size, text scale)."""
    size, text_scale = getattr(request, "param", ((1920, 1080), 1.0))
    made = PageSnapshots(bundled, "zh", size, preferences=Preferences(text_scale=text_scale))
    yield made
    made.close()


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()


WatchedWindow = Callable[[dict[str, Any]], tuple[MainWindow, ContentWatcher, Path]]


@pytest.fixture
def watched_window(make_window: MakeWindow, write_content: Callable[..., Path]) -> WatchedWindow:
    """A window on `data` written to a file, with that file watched and wired as the kiosk
    wires it (valid saves swap in, broken ones are reported): (window, watcher, path)."""

    def make(data: dict[str, Any]) -> tuple[MainWindow, ContentWatcher, Path]:
        path = write_content(data)
        loaded = load_content(path, check_image)
        window = make_window(loaded=loaded)
        watcher = ContentWatcher(path, loaded.assets_root, check_image, settle_ms=40, parent=window)
        watcher.loaded.connect(window.session.set_content)
        watcher.failed.connect(window.session.report_problems)
        return window, watcher, path

    return make
