"""The tour's auto-play control: a touch button whose outline fills as the stop's time runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme as th
from kiosk.ui.direction import begin_painter
from kiosk.ui.language import LanguageState, TextSource
from kiosk.ui.widgets.buttons import TouchButton


def pill_outline(rect: QRectF) -> QPainterPath:
    """A pill's outline from the middle of its top edge, clockwise, back to where it began."""
    radius = min(rect.height(), rect.width()) / 2
    top, bottom, left, right = rect.top(), rect.bottom(), rect.left(), rect.right()
    path = QPainterPath(QPointF(rect.center().x(), top))
    path.lineTo(right - radius, top)
    path.arcTo(QRectF(right - 2 * radius, top, 2 * radius, 2 * radius), 90, -180)
    path.lineTo(left + radius, bottom)
    path.arcTo(QRectF(left, top, 2 * radius, 2 * radius), 270, -180)
    path.closeSubpath()
    return path


class AutoplayButton(TouchButton):
    """Play / pause, with the time left on the current stop shown as its outline filling up.

    `progress` is None while nothing plays (a plain outline), else the share of the stop's time
    gone by (0..1)."""

    def __init__(
        self,
        language: LanguageState,
        theme: th.Theme,
        label: TextSource,
        icon: Path,
        colour: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(language, theme, label, icon, parent=parent)
        self._ring_colour = colour
        self._progress: float | None = None

    @property
    def progress(self) -> float | None:
        return self._progress

    def set_progress(self, progress: float | None) -> None:
        progress = None if progress is None else min(1.0, max(0.0, progress))
        if progress != self._progress:
            self._progress = progress
            self.update()

    def ring_width(self) -> int:
        return max(3, self._theme.px(5))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = begin_painter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.ring_width()
        outline = pill_outline(QRectF(self.rect()).adjusted(width, width, -width, -width))
        colours = self._theme.palette
        # The track: the button's shape, seen on any background (high contrast too).
        strength = 1.0 if self._theme.high_contrast else 0.35
        track = QPen(th.color(colours.text, strength), max(2, width // 2))
        painter.setPen(track)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(outline)
        if self._progress:
            if self.isRightToLeft():  # the time runs the way the reading goes: anticlockwise
                painter.translate(self.width(), 0)
                painter.scale(-1, 1)
            length = outline.length()
            ring = QPen(th.color(self._ring_colour), width)
            ring.setCapStyle(Qt.PenCapStyle.FlatCap)
            # One dash as long as the time gone by, then a gap longer than the outline.
            ring.setDashPattern([max(0.01, length * self._progress / width), (length + 10) / width])
            painter.setPen(ring)
            painter.drawPath(outline)
        painter.end()
