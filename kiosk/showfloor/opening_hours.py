"""Opening hours on the show floor: outside them the screen is off and the kiosk idles.

At closing time the visit under way ends, the kiosk goes home, the attract loop and the idle
countdown stop, a black layer covers the window (nothing animates, nothing is drawn) and the
screen is switched off (`DisplayPower`). A touch outside hours wakes it for staff: the screen
comes on at the home screen (the admin's corner works as ever), no visit is recorded, and
after `staff_ms` without a touch it is off again. At opening time the screen comes on and the
attract loop starts. The schedule is read against an injected clock, so tests can walk a
week in moments.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor

from kiosk.showfloor.floor import ShowFloor
from kiosk.system.opening_hours import Schedule
from kiosk.ui.main_window import MainWindow
from kiosk.ui.overlays.base import Overlay

log = logging.getLogger(__name__)

CHECK_MS = 20_000  # how often the schedule is read: a change is seen within 20 s
STAFF_MS = 5 * 60_000  # awake for staff after the last touch outside hours


class Display(Protocol):
    def off(self) -> None: ...
    def on(self) -> None: ...


class ClosedScreen(Overlay):
    """Black over the whole window; a touch on it wakes the kiosk and presses nothing else."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, window.session.theme, QColor("black"))
        self.setObjectName("closed")
        self.hide()


class OpeningHours(QObject):
    closed_changed = Signal(bool)  # True: closed (whether or not woken for staff)

    def __init__(
        self,
        floor: ShowFloor,
        window: MainWindow,
        schedule: Schedule,
        display: Display,
        clock: Callable[[], datetime] = datetime.now,
        check_ms: int = CHECK_MS,
        staff_ms: int = STAFF_MS,
    ) -> None:
        super().__init__(floor)
        self._floor = floor
        self._window = window
        self.schedule = schedule
        self._display = display
        self._clock = clock
        self.closed = False
        self.staff_awake = False
        self._stopped = False
        self.screen = ClosedScreen(window)
        self._check = QTimer(self)
        self._check.setInterval(check_ms)
        self._check.timeout.connect(self._on_check_timeout)
        self._staff = QTimer(self)
        self._staff.setSingleShot(True)
        self._staff.setInterval(staff_ms)
        self._staff.timeout.connect(self._on_staff_timeout)
        window.router.activity.connect(self._on_router_activity)
        if not schedule.always_open:
            log.info("opening hours: %s", schedule.describe())
            self._check.start()
            self.check()

    def check(self) -> None:
        """Open or close as the schedule says now."""
        is_open = self.schedule.is_open(self._clock())
        if is_open and self.closed:
            self._open()
        elif not is_open and not self.closed:
            self._close()

    def stop(self) -> None:
        """No more switching; the screen is on again (the kiosk is about to exit). Once is enough."""
        if self._stopped:
            return
        self._stopped = True
        self._check.stop()
        self._staff.stop()
        self._window.router.activity.disconnect(self._on_router_activity)
        self._display.on()

    def _close(self) -> None:
        log.info("closing time: screen off until %s", self._next())
        self.closed = True
        self._floor.recording_paused = True
        self._idle_closed()
        self.closed_changed.emit(True)

    def _idle_closed(self) -> None:
        floor = self._floor
        self.staff_awake = False
        self._staff.stop()
        if floor.recorder is not None:
            floor.recorder.end_visit()
        floor.idle.stop()
        floor.countdown.hide()
        if floor.attract is not None:
            floor.attract.stop()
        floor.session.reset(floor.default_language())
        self.screen.open()
        self._display.off()

    def _open(self) -> None:
        log.info("opening time: screen on")
        self.closed = False
        self.staff_awake = False
        self._staff.stop()
        self._floor.recording_paused = False
        self.screen.hide()
        self._display.on()
        self._floor.start_attract()
        self.closed_changed.emit(False)

    def _next(self) -> str:
        change = self.schedule.next_change(self._clock())
        return f"{change:%a %H:%M}" if change else "the schedule changes"

    def _on_check_timeout(self) -> None:
        self.check()

    def _on_router_activity(self) -> None:
        if not self.closed:
            return
        if not self.staff_awake:
            log.info("woken outside opening hours (for staff)")
            self.staff_awake = True
            self.screen.hide()
            self._display.on()
        self._staff.start()

    def _on_staff_timeout(self) -> None:
        if self.closed and not self._floor.admin.isVisible() and not self._floor.pin_pad.isVisible():
            log.info("no touch for %d s outside opening hours: screen off", self._staff.interval() // 1000)
            self._idle_closed()
        elif self.closed:
            self._staff.start()  # an admin at work: later
