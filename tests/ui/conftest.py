"""Fixtures for driving the real kiosk window through qtbot."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.boot import create_application
from kiosk.content import LoadedContent
from kiosk.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    """The kiosk's own QApplication: Fusion style, bundled fonts (pytest-qt uses this one)."""
    return create_application(["kiosk-tests"])


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, bundled: LoadedContent) -> Iterator[MakeWindow]:
    def make(
        size: tuple[int, int] = (1920, 1080),
        lang: str = "zh",
        loaded: LoadedContent | None = None,
        reduced_motion: bool = False,
    ) -> MainWindow:
        # Animations at a tenth of their length: the tests wait for them, not for the clock.
        window = MainWindow(loaded or bundled, None, lang, reduced_motion, size, motion_scale=0.1)
        qtbot.addWidget(window)
        window.setFixedSize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()
