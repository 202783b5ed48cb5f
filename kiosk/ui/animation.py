"""One clock for a screen's entrance: numbers count up and bars grow, eased and staggered."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, Signal

from kiosk.ui.frame_clock import Tween

DURATION_MS = 1200
STAGGER_MS = 80


class GrowAnimation(QObject):
    """`progressed` fires on every frame; `progress(i)` is element i's eased share, 0..1."""

    progressed = Signal()

    def __init__(
        self,
        count: int,
        duration_ms: int = DURATION_MS,
        stagger_ms: int = STAGGER_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._count = max(1, count)
        self._duration = duration_ms
        self._stagger = stagger_ms
        self._total = duration_ms + stagger_ms * (self._count - 1)
        self._elapsed = float(self._total)  # at rest: the final state
        self._easing = QEasingCurve(QEasingCurve.Type.OutCubic)
        self._clock = Tween(self._total, 0.0, float(self._total), parent=self)
        self._clock.value_changed.connect(self._on_clock_value_changed)
        self._clock.finished.connect(self.finish)

    @property
    def running(self) -> bool:
        return self._clock.running

    @property
    def total_ms(self) -> int:
        return self._total

    def progress(self, index: int) -> float:
        local = (self._elapsed - index * self._stagger) / self._duration
        return self._easing.valueForProgress(min(1.0, max(0.0, local)))

    def start(self) -> None:
        """From the first frame (everything at zero) to the last, painted now and then each tick."""
        self._clock.stop()
        self._clock.start()  # emits the start value: everything at zero, painted this turn

    def seek(self, elapsed_ms: float) -> None:
        """Jump to a moment of the animation (benchmarks and tests drive it frame by frame)."""
        self._clock.stop()
        self._elapsed = min(float(self._total), max(0.0, elapsed_ms))
        self.progressed.emit()

    def finish(self) -> None:
        if self.running:
            self._clock.stop()
        self._elapsed = float(self._total)
        self.progressed.emit()

    def _on_clock_value_changed(self, value: float) -> None:
        self._elapsed = float(value)
        self.progressed.emit()
