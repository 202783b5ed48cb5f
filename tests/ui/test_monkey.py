"""A seeded monkey: 10,000 random taps, swipes, holds, right-clicks and keys (the escape keys
among them) across every page. No exception, one window, never a menu or dialog."""

from __future__ import annotations

from collections.abc import Callable

from monkey_driver import alone, monkey
from pytestqt.qtbot import QtBot

from kiosk.showfloor.floor import ShowFloor
from kiosk.showfloor.lockdown import Lockdown
from kiosk.system.settings import Settings
from kiosk.ui.main_window import MainWindow

EVENTS = 10_000


def test_ten_thousand_random_events(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    lockdown = Lockdown()
    window = make_window(may_close=lambda: lockdown.unlocked)
    window.router.add_guard(lockdown.guard)
    show = ShowFloor(
        window.session, window, Settings(), lambda _s: None, lambda: None, lockdown=lockdown, idle_ms=10**8
    )
    pages_seen: set[str] = set()
    window.session.page_changed.connect(lambda page_id, _direction: pages_seen.add(page_id))

    def check() -> None:
        assert alone(window)
        assert window.isVisible()

    try:
        counts = monkey(window, EVENTS, seed=20250917, check=check)
        check()
        assert sum(counts.values()) == EVENTS
        assert len(pages_seen) >= 10  # it wandered through the kiosk, not stuck on one page
    finally:
        show.close()
        lockdown.release()
        window.close()
