"""The start-up's work after the first frame, which gives way to the visitor: in steps, one per
event-loop turn on the UI thread, and as a preload on a worker thread between its imports; both
wait while a tap, swipe or key is being answered.

What it buys, measured under Xvfb at 1920x1080 (`bench/startup.py --baseline`, a tap on the
language button the moment the live window's first frame is up, medians of 12 on a loaded
machine): run in one turn, the show floor's set-up held the UI thread for 100-250 ms while the
preload's imports took the interpreter's lock from the answer, and the tap waited 738 ms for
its answer; now 216 ms (the same tap at rest: 104 ms).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# The answer to input is on screen once the window has asked for no layout and no paint for
# this long (an answer's frames come 14 ms apart, `kiosk.ui.frame_clock`); input that changes
# nothing on screen waits no longer either.
SETTLE_MS = 30
# However long a press is held or an animation it started runs, the work waits no longer.
LONGEST_MS = 2000


class VisitorFirst(QObject):
    """Whether start-up work may run now: not while input is held down (a finger on the glass)
    and not until its answer is on screen: `settle_ms` after the last release or key press
    without a layout or paint request of the window; never longer than `longest_ms` from the
    input.

    `clear` is a `threading.Event` too, for the preload's worker thread to wait on.
    """

    _PRESSES: ClassVar = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
    _RELEASES: ClassVar = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}
    _ANSWERING: ClassVar = {QEvent.Type.LayoutRequest, QEvent.Type.UpdateRequest}

    def __init__(self, window: QWidget, settle_ms: int = SETTLE_MS, longest_ms: int = LONGEST_MS) -> None:
        super().__init__(window)
        self._window = window
        self.clear = threading.Event()
        self.clear.set()
        self._held = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._open)
        self._longest = QTimer(self)
        self._longest.setSingleShot(True)
        self._longest.setInterval(longest_ms)
        self._longest.timeout.connect(self._on_longest_timeout)
        self.opened: list[Callable[[], None]] = []  # called each time the way is clear again
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._held = False
        self._open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in self._PRESSES or kind == QEvent.Type.KeyPress:
            self._held = kind != QEvent.Type.KeyPress
            if self.clear.is_set():
                self.clear.clear()
                self._longest.start()
            self._settle.stop() if self._held else self._settle.start()
        elif kind in self._RELEASES and self._held:
            self._held = False
            self._settle.start()
        elif (
            kind in self._ANSWERING
            and not self.clear.is_set()
            and not self._held
            and self._in_window(watched)
        ):
            self._settle.start()  # the answer is still being laid out or painted
        return False

    def _in_window(self, watched: QObject) -> bool:
        return (isinstance(watched, QWidget) and watched.window() is self._window) or (
            watched is self._window.windowHandle()
        )

    def _on_longest_timeout(self) -> None:
        self._held = False
        self._open()

    def _open(self) -> None:
        if self._held or self.clear.is_set():
            return
        self._settle.stop()
        self._longest.stop()
        self.clear.set()
        for opened in list(self.opened):
            opened()


class StartupSteps(QObject):
    """Runs `steps` one per event-loop turn, each only while `visitor` leaves the way clear, so
    input that arrives meanwhile waits at most for the step under way. A turn that runs a step
    first delivers the input queued before it."""

    def __init__(self, visitor: VisitorFirst, steps: Iterable[Callable[[], object]]) -> None:
        super().__init__(visitor)
        self._visitor = visitor
        self._steps = list(steps)
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.setInterval(0)
        self._next.timeout.connect(self._on_next_timeout)
        visitor.opened.append(self._schedule)

    @property
    def remaining(self) -> int:
        return len(self._steps)

    def start(self) -> None:
        self._schedule()

    def stop(self) -> None:
        self._next.stop()
        self._steps.clear()

    def _schedule(self) -> None:
        if self._steps and self._visitor.clear.is_set():
            self._next.start()

    def _on_next_timeout(self) -> None:
        # Input the window system has queued meanwhile is delivered first (the order of a zero
        # timer and other events is unspecified: under Xvfb a step ran before a tap made
        # during the step before it).
        QCoreApplication.processEvents()
        if not self._steps or not self._visitor.clear.is_set():
            return  # the visitor's input first; `opened` schedules the rest
        self._steps.pop(0)()
        self._schedule()
