"""A seeded monkey: 10,000 random taps, swipes, holds, right-clicks and keys (the escape keys
among them) across every page. No exception, one window, never a menu or dialog."""

from __future__ import annotations

from collections.abc import Callable

from monkey_driver import alone, monkey
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.showfloor.floor import ShowFloor
from kiosk.system.settings import Settings
from kiosk.ui.main_window import MainWindow

EVENTS = 10_000


def test_ten_thousand_random_events(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    show = ShowFloor(window, Settings(), lambda _s: None, lambda: None, lockdown=True, idle_ms=10**8)
    app = QApplication.instance()
    assert app is not None
    pages_seen: set[str] = set()
    window.page_changed.connect(pages_seen.add)

    def check() -> None:
        assert alone(window)
        assert window.isVisible()

    try:
        counts = monkey(window, EVENTS, seed=20250917, check=check)
        check()
        assert sum(counts.values()) == EVENTS
        assert len(pages_seen) >= 10  # it wandered through the kiosk, not stuck on one page
    finally:
        for watcher in (show.lockdown, show.idle, show.corner):
            if watcher is not None:
                app.removeEventFilter(watcher)
        if show.lockdown is not None:
            show.lockdown.release()
        window.close_guard = lambda: True
