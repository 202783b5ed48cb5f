"""Cards or tiles in equal columns, as many as their content allows: fewer columns, never a cut."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.language import LanguageState


class ReflowGrid(QWidget):
    """`items` in equal columns: as many (up to `max_columns`) as leave each item the width
    `least_width()` asks for (the widest item's need). With larger text or on a narrower screen
    a row reflows into more rows (5 tiles: 5, then 3 + 2, 2 + 2 + 1, one a row) instead of
    cutting a name or shrinking a number to the size of its label. Each row is as high as its
    highest item needs at its width (cards with wrapped labels grow as they narrow); height to
    spare is shared by the rows. A last row of fewer items spans the width (3 + 2: the two
    share it).

    Placed by hand, not by a QGridLayout: a grid layout reports no height for width when its
    items have none, and its parent would then squeeze the tiles to nothing.
    """

    def __init__(
        self,
        language: LanguageState,
        items: Sequence[QWidget],
        least_width: Callable[[], int],
        gap: int,
        max_columns: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._items = list(items)
        self._least_width = least_width
        self._gap = gap
        self._max_columns = max(1, max_columns)
        # Layouts ask for the same widths again and again: answers are kept until an item or
        # the language changes.
        self._heights: dict[int, int] = {}
        self._least: int | None = None
        for item in self._items:
            item.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        language.changed.connect(self._on_language_changed)

    @property
    def columns(self) -> int:
        return self.columns_for(self.width()) if self.width() > 0 else self._max_columns

    def columns_for(self, width: int) -> int:
        """The most columns (rows as even as they go) whose items each get their least width."""
        count = len(self._items)
        if self._least is None:
            self._least = self._least_width()
        least = self._least
        for rows in range(1, count + 1):
            columns = min(self._max_columns, math.ceil(count / rows))
            if columns == 1 or (width - (columns - 1) * self._gap) / columns >= least:
                return columns
        return 1

    def _cells(self, width: int) -> list[tuple[QWidget, int, int, int]]:
        """Each item with its row, its left edge and its width, at `width`. A last row with
        fewer items shares the whole width among them: no hole where a tile is missing."""
        columns = self.columns_for(width)
        count = len(self._items)
        cells = []
        for index, item in enumerate(self._items):
            row, column = divmod(index, columns)
            in_row = min(columns, count - row * columns)
            item_width = max(1, (width - (in_row - 1) * self._gap) // in_row)
            cells.append((item, row, column * (item_width + self._gap), item_width))
        return cells

    def _row_heights(self, width: int) -> list[int]:
        rows: list[int] = []
        for item, row, _, item_width in self._cells(width):
            needed = item.heightForWidth(item_width) if item.hasHeightForWidth() else -1
            needed = max(needed, item.sizeHint().height(), item.minimumSizeHint().height())
            if row == len(rows):
                rows.append(needed)
            else:
                rows[row] = max(rows[row], needed)
        return rows

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            rows = self._row_heights(width)
            self._heights[width] = sum(rows) + self._gap * max(0, len(rows) - 1)
        return self._heights[width]

    def _forget(self) -> None:
        self._heights.clear()
        self._least = None

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else sum(item.sizeHint().width() for item in self._items)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        least = min(self._least_width(), max(1, self.width()))
        return QSize(least, self.heightForWidth(max(least, self.width())))

    def _place(self) -> None:
        width = self.width()
        if width <= 0 or not self._items or not self.isVisible():  # a page not on screen: when shown
            return
        rows = self._row_heights(width)
        spare = max(0, self.height() - sum(rows) - self._gap * (len(rows) - 1)) // len(rows)
        tops = [0]
        for height in rows:
            tops.append(tops[-1] + height + spare + self._gap)
        for item, row, left, item_width in self._cells(width):
            x = width - left - item_width if self.isRightToLeft() else left
            item.setGeometry(QRect(x, tops[row], item_width, rows[row] + spare))

    def _on_language_changed(self, lang: str) -> None:
        self._forget()
        self.updateGeometry()
        self._place()

    def showEvent(self, event: QShowEvent) -> None:
        # Items that changed while the page was off screen told no one (Qt posts no layout
        # request to a hidden widget without a layout): what was kept is forgotten.
        super().showEvent(event)
        self._forget()
        self.updateGeometry()
        self._place()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            # An item's size changed (new words, a new font): place them again, and let the
            # parent ask again for the height this grid needs.
            self._forget()
            self.updateGeometry()
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()


class BalancedColumns(QWidget):
    """Two widgets side by side (`start` first in reading order), the width split at the first
    of `shares` (the first side's share, in order of preference) where both fit the height they
    are given: a long paragraph gets the width it needs, and many figures theirs. Where no split
    fits, the one that needs the least height (the page then scrolls)."""

    SHARES = (5 / 11, 1 / 2, 6 / 11, 3 / 5, 2 / 3, 2 / 5, 1 / 3)  # the first side's, in order of preference

    def __init__(
        self,
        start: QWidget,
        end: QWidget,
        gap: int,
        shares: Sequence[float] = SHARES,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._start, self._end = start, end
        self._gap = gap
        self._shares = tuple(shares)
        self._splits: dict[tuple[int, int | None], tuple[int, int]] = {}  # until a side changes
        for widget in (start, end):
            widget.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _needs(self, widget: QWidget, width: int) -> int:
        needed = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
        return max(needed, widget.minimumSizeHint().height())

    def _split(self, width: int, height: int | None) -> tuple[int, int]:
        """The first side's width and the height both need at that split."""
        if (width, height) not in self._splits:
            self._splits[width, height] = self._find_split(width, height)
        return self._splits[width, height]

    def _find_split(self, width: int, height: int | None) -> tuple[int, int]:
        usable = max(2, width - self._gap)
        options = []
        for share in self._shares:
            first = round(usable * share)
            needed = max(self._needs(self._start, first), self._needs(self._end, usable - first))
            if height is not None and needed <= height:
                return first, needed
            options.append((needed, first))
        needed, first = min(options)
        return first, needed

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._split(width, None)[1]

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else 1200
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._gap * 4, self.heightForWidth(self.width()) if self.width() > 0 else 0)

    def _place(self) -> None:
        width, height = self.width(), self.height()
        if width <= 0 or not self.isVisible():  # a page not on screen: when shown
            return
        first, _ = self._split(width, height)
        second = width - self._gap - first
        # The first side (the text) keeps its own height, at the top; the other fills the height.
        shown = min(first, self._start.maximumWidth())  # a paragraph keeps its reading width
        start = QRect(0, 0, shown, min(height, self._needs(self._start, shown)))
        end = QRect(first + self._gap, 0, second, height)
        if self.isRightToLeft():
            start.moveLeft(width - shown)
            end.moveLeft(0)
        self._start.setGeometry(start)
        self._end.setGeometry(end)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._splits.clear()
            self.updateGeometry()
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._splits.clear()  # a side that changed while off screen told no one
        self.updateGeometry()
        self._place()
