"""Eased animations on a steady frame clock.

Qt's animation framework ticks every running animation from one shared, coarse 16 ms timer.
A coarse timer may fire a few milliseconds late, and on a frame that also paints, a late tick
shows as a 20-25 ms gap between frames: the stutter a visitor notices in a slide. A `Tween`
runs its own precise timer at `FRAME_MS`, and computes its value from the time elapsed since
it started, so a late tick never slows the animation down, it only skips ahead.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QElapsedTimer, QObject, Qt, QTimer, Signal

FRAME_MS = 14  # a little faster than 60 Hz: with a few ms of painting, frames stay under 20 ms apart


class Tween(QObject):
    """A value eased from `start` to `end` over `duration_ms`.

    `value_changed` fires with the start value as it starts, then on every frame, and with the
    end value last, just before `finished`.
    """

    value_changed = Signal(float)
    finished = Signal()

    def __init__(
        self,
        duration_ms: int,
        start: float = 0.0,
        end: float = 1.0,
        easing: QEasingCurve.Type = QEasingCurve.Type.Linear,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._duration = max(1, duration_ms)
        self._start, self._end = start, end
        self._easing = QEasingCurve(easing)
        self._elapsed = QElapsedTimer()
        self._ahead_ms = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def duration_ms(self) -> int:
        return self._duration

    def set_duration(self, duration_ms: int) -> None:
        self._duration = max(1, duration_ms)

    def set_range(self, start: float, end: float) -> None:
        self._start, self._end = start, end

    def value_at(self, elapsed_ms: float) -> float:
        share = self._easing.valueForProgress(min(1.0, max(0.0, elapsed_ms / self._duration)))
        return self._start + (self._end - self._start) * share

    def start(self, ahead_ms: int = 0) -> None:
        """Start now; with `ahead_ms`, as if started that long ago, so that the first value
        (given at once) already differs from the start: a frame painted with it shows the
        input answered, where the start value would repaint what is on screen."""
        self._ahead_ms = max(0, min(ahead_ms, self._duration - 1))
        self._elapsed.start()
        self._timer.start()
        self.value_changed.emit(self.value_at(self._ahead_ms) if self._ahead_ms else self._start)

    def stop(self) -> None:
        """Stop where it is (no `finished`)."""
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        elapsed = self._elapsed.elapsed() + self._ahead_ms
        if elapsed >= self._duration:
            self._timer.stop()
            self.value_changed.emit(self._end)
            self.finished.emit()
            return
        self.value_changed.emit(self.value_at(elapsed))
