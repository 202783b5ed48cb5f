"""Position dots: where the visitor is among sibling pages or stops."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme as th


class PositionDots(QWidget):
    def __init__(self, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._count = 0
        self._index = 0
        self._colour = theme.palette.text
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    @property
    def count(self) -> int:
        return self._count

    @property
    def index(self) -> int:
        return self._index

    def set_position(self, index: int, count: int, colour: str | None = None) -> None:
        self._index, self._count, self._colour = index, count, colour or self._theme.palette.text
        self.setAccessibleName(f"{index + 1} / {count}")
        self.updateGeometry()
        self.update()

    def _metrics(self) -> tuple[int, int, int]:
        if self._count > 7:  # many siblings: smaller dots, so they fit a portrait bar
            return self._theme.px(12), self._theme.px(30), self._theme.px(9)
        return self._theme.px(14), self._theme.px(40), self._theme.px(12)

    def sizeHint(self) -> QSize:
        dot, active, gap = self._metrics()
        if self._count <= 1:
            return QSize(0, dot)
        return QSize(active + (self._count - 1) * dot + (self._count - 1) * gap, dot)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._count <= 1:
            return
        dot, active, gap = self._metrics()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        x = (self.width() - self.sizeHint().width()) / 2
        y = (self.height() - dot) / 2
        other = th.color(self._theme.palette.text_secondary, 0.45)
        # The first position sits where reading starts: on the right in a right-to-left language.
        order = range(self._count - 1, -1, -1) if self.isRightToLeft() else range(self._count)
        for i in order:
            width = active if i == self._index else dot
            painter.setBrush(QColor(self._colour) if i == self._index else other)
            painter.drawRoundedRect(QRectF(x, y, width, dot), dot / 2, dot / 2)
            x += width + gap
        painter.end()
