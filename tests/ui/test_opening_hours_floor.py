"""Opening hours on the show floor, with an injected clock: at closing time the visit ends, the
kiosk goes home and black with nothing drawn and the screen off; a touch wakes it for staff
(no visit recorded) until it is left alone; at opening time the attract loop comes back; on
exit the screen is on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from touch import tap

from kiosk.showfloor.analytics import VisitRecorder, build_report
from kiosk.showfloor.floor import ShowFloor
from kiosk.showfloor.opening_hours import OpeningHours
from kiosk.system.opening_hours import Schedule
from kiosk.system.settings import Settings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.home import HomePage

MakeWindow = Callable[..., MainWindow]
MONDAY = datetime(2026, 12, 7)


class ScreenPower:
    """The display as the platform would see it: on or off."""

    def __init__(self) -> None:
        self.is_on = True

    def off(self) -> None:
        self.is_on = False

    def on(self) -> None:
        self.is_on = True


@dataclass
class Hall:
    window: MainWindow
    floor: ShowFloor
    hours: OpeningHours
    screen: ScreenPower
    now: list[datetime]
    database: Path


@pytest.fixture
def hall(make_window: MakeWindow, tmp_path: Path) -> Iterator[Hall]:
    window = make_window()
    database = tmp_path / "visits.sqlite3"
    floor = ShowFloor(
        window.session,
        window,
        Settings(),
        lambda _s: None,
        lambda: None,
        idle_ms=10**8,
        recorder=VisitRecorder(database),
    )
    now = [MONDAY.replace(hour=17, minute=58)]
    screen = ScreenPower()
    schedule = Schedule.parse({"mon": "09:00-18:00", "tue": "09:00-18:00"})[0]
    hours = OpeningHours(floor, window, schedule, screen, lambda: now[0], check_ms=20, staff_ms=300)
    yield Hall(window, floor, hours, screen, now, database)
    hours.stop()
    floor.close()


def _painted_over(qtbot: QtBot, window: MainWindow, ms: int) -> int:
    """Frames the window painted during `ms` of running the event loop."""
    before = window.frames_painted_count()
    quiet = QTimer()
    quiet.setSingleShot(True)
    quiet.setInterval(ms)
    with qtbot.waitSignal(quiet.timeout, timeout=ms + 2000):
        quiet.start()
    return window.frames_painted_count() - before


def test_closing_time_ends_the_visit_and_switches_the_screen_off(qtbot: QtBot, hall: Hall) -> None:
    window = hall.window
    home = window.current_page
    assert isinstance(home, HomePage)
    tap(home.entry_cards[0])  # a visitor at 17:58, on a tour
    qtbot.waitUntil(lambda: window.session.current_id == "tour/daxing")
    assert hall.floor.recorder is not None
    assert hall.floor.recorder.visit is not None
    assert hall.screen.is_on

    hall.now[0] = MONDAY.replace(hour=18)
    qtbot.waitUntil(lambda: hall.hours.closed, timeout=3000)
    assert not hall.screen.is_on
    assert hall.hours.screen.isVisible()
    assert hall.hours.screen.geometry() == window.rect()
    assert window.session.current_id == "home"
    assert hall.floor.recorder.visit is None
    assert not (hall.floor.attract is not None and hall.floor.attract.running)
    picture = window.grab().toImage()
    assert picture.pixelColor(picture.width() // 2, picture.height() // 2).name() == "#000000"
    _painted_over(qtbot, window, 500)  # the frame of the change itself
    assert _painted_over(qtbot, window, 500) == 0  # then nothing animates while closed
    assert build_report(hall.database).visits == 1


def test_a_touch_outside_hours_wakes_it_for_staff_then_it_sleeps_again(qtbot: QtBot, hall: Hall) -> None:
    hall.now[0] = MONDAY.replace(hour=22)
    qtbot.waitUntil(lambda: hall.hours.closed, timeout=3000)
    assert not hall.screen.is_on
    tap(hall.hours.screen)  # staff at night
    assert hall.screen.is_on
    assert not hall.hours.screen.isVisible()
    home = hall.window.current_page
    assert isinstance(home, HomePage)
    assert hall.window.session.current_id == "home"  # the waking touch pressed nothing else
    tap(home.entry_cards[0])
    qtbot.waitUntil(lambda: hall.window.session.current_id == "tour/daxing")
    assert hall.floor.recorder is not None
    assert hall.floor.recorder.visit is None  # staff, not a visitor
    qtbot.waitUntil(lambda: not hall.screen.is_on, timeout=3000)  # left alone: off again
    assert hall.hours.screen.isVisible()
    assert hall.window.session.current_id == "home"
    assert build_report(hall.database).visits == 0


def test_opening_time_brings_the_screen_and_the_attract_loop_back(qtbot: QtBot, hall: Hall) -> None:
    hall.now[0] = MONDAY.replace(hour=23)
    qtbot.waitUntil(lambda: hall.hours.closed, timeout=3000)
    _painted_over(qtbot, hall.window, 500)  # the way home and the black layer drawn, once
    hall.now[0] = MONDAY.replace(day=8, hour=8, minute=59)
    assert _painted_over(qtbot, hall.window, 100) == 0
    assert hall.hours.closed
    hall.now[0] = MONDAY.replace(day=8, hour=9)
    qtbot.waitUntil(lambda: not hall.hours.closed, timeout=3000)
    assert hall.screen.is_on
    assert not hall.hours.screen.isVisible()
    assert hall.floor.attract is not None
    assert hall.floor.attract.running
    hall.floor.attract.stop()


def test_on_exit_the_screen_is_on_again(qtbot: QtBot, hall: Hall) -> None:
    hall.now[0] = MONDAY.replace(hour=19)
    qtbot.waitUntil(lambda: hall.hours.closed, timeout=3000)
    assert not hall.screen.is_on
    hall.hours.stop()
    assert hall.screen.is_on
