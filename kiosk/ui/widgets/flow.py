"""Buttons in rows that wrap: as many to a row as the width allows, the rest below.

A grid of fixed columns is as wide as its widest row: with longer words (German, a larger
text size) it would push its window past a 1366-pixel laptop screen. A flow is only as wide
as its widest button, and grows in height instead.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class FlowRow(QWidget):
    """Child widgets placed left to right (right to left in a mirrored layout), wrapping."""

    def __init__(self, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spacing = spacing
        self._items: list[QWidget] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add(self, widget: QWidget) -> None:
        widget.setParent(self)
        self._items.append(widget)
        self.updateGeometry()

    def _rows(self, width: int) -> list[list[tuple[QWidget, QSize]]]:
        rows: list[list[tuple[QWidget, QSize]]] = [[]]
        used = 0
        for widget in self._items:
            if widget.isHidden():
                continue
            size = widget.sizeHint()
            needed = size.width() + (self._spacing if rows[-1] else 0)
            if rows[-1] and used + needed > width:
                rows.append([])
                used, needed = 0, size.width()
            rows[-1].append((widget, size))
            used += needed
        return [row for row in rows if row]

    def _height(self, rows: list[list[tuple[QWidget, QSize]]]) -> int:
        heights = [max(size.height() for _, size in row) for row in rows]
        return sum(heights) + self._spacing * max(0, len(heights) - 1)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height(self._rows(width))

    def sizeHint(self) -> QSize:
        width = sum(w.sizeHint().width() for w in self._items) + self._spacing * max(0, len(self._items) - 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """As narrow as its widest button, one row high: the rows it needs at the width it
        gets come from `heightForWidth`, never from its narrowest possible width."""
        widest = max((w.sizeHint().width() for w in self._items), default=0)
        tallest = max((w.sizeHint().height() for w in self._items), default=0)
        return QSize(widest, tallest)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place()

    def _place(self) -> None:
        # The rows this width needs, asked of the layout above (a grid does not ask a widget's
        # height for its width when it shares out a fixed window's height).
        needed = self.heightForWidth(self.width())
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)
        y = 0
        mirrored = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for row in self._rows(self.width()):
            x = 0
            height = max(size.height() for _, size in row)
            for widget, size in row:
                left = self.width() - x - size.width() if mirrored else x
                widget.setGeometry(QRect(left, y, size.width(), size.height()))
                x += size.width() + self._spacing
            y += height + self._spacing
