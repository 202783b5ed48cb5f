"""Notices when nobody has touched the kiosk for a while.

After `timeout_ms` without input, `warned` fires (the "still exploring?" countdown starts);
after `countdown_ms` more, `timed_out`. Any touch, click or key in between resets both.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

COUNTDOWN_MS = 15_000


class IdleMonitor(QObject):
    warned = Signal()
    timed_out = Signal()
    activity = Signal()  # input after a warning: the visitor is still there

    def __init__(
        self, timeout_ms: int, countdown_ms: int = COUNTDOWN_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.countdown_ms = countdown_ms
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(timeout_ms)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._countdown = QTimer(self)
        self._countdown.setSingleShot(True)
        self._countdown.setInterval(countdown_ms)
        self._countdown.timeout.connect(self.timed_out)
        self.paused = False

    @property
    def warning(self) -> bool:
        return self._countdown.isActive()

    def remaining_ms(self) -> int:
        return self._countdown.remainingTime() if self._countdown.isActive() else self.countdown_ms

    def start(self) -> None:
        self.paused = False
        self._countdown.stop()
        self._idle.start()

    def stop(self) -> None:
        """Not watching (the attract loop runs; an admin works)."""
        self.paused = True
        self._idle.stop()
        self._countdown.stop()

    def extend(self, extra_ms: int) -> None:
        """More time on the countdown (a visitor who reads slowly asked for it)."""
        if self._countdown.isActive():
            self._countdown.start(self._countdown.remainingTime() + extra_ms)

    def _on_idle_timeout(self) -> None:
        self._countdown.start(self.countdown_ms)
        self.warned.emit()

    def notice_activity(self) -> None:
        """A touch, click, movement or key (from the input router): the visitor is there."""
        if not self.paused:
            if self._countdown.isActive():
                self._countdown.stop()
                self.activity.emit()
            self._idle.start()
