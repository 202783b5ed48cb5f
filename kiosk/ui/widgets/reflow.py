"""Cards or tiles in equal columns, as many as their content allows: fewer columns, never a cut."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from kiosk.ui.language import LanguageState


class ReflowGrid(QWidget):
    """`items` in equal columns: as many (up to `max_columns`) as leave each item the width
    `least_width()` asks for (the widest item's need). With larger text or on a narrower screen
    a row reflows into more rows (5 tiles: 5, then 3 + 2, 2 + 2 + 1, one a row) instead of
    cutting a name or shrinking a number to the size of its label. Rows share the height the
    grid is given; a last item alone on its row spans it. The columns follow the grid's width,
    and are counted again when the language changes (the words, and their widths, change).
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
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(gap)
        self._arrange(self._max_columns)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        language.changed.connect(self._on_language_changed)

    @property
    def columns(self) -> int:
        return self._columns

    def columns_for(self, width: int) -> int:
        """The most columns (rows as even as they go) whose items each get their least width."""
        count = len(self._items)
        least = self._least_width()
        for rows in range(1, count + 1):
            columns = min(self._max_columns, math.ceil(count / rows))
            if columns == 1 or (width - (columns - 1) * self._gap) / columns >= least:
                return columns
        return 1

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items need in the columns they take at `width` (cards with wrapped
        labels grow taller as they narrow)."""
        columns = self.columns_for(width)
        column_width = max(1, (width - (columns - 1) * self._gap) // columns)
        rows: list[int] = []
        for index, item in enumerate(self._items):
            row, column = divmod(index, columns)
            alone = index == len(self._items) - 1 and column == 0
            item_width = width if alone else column_width
            needed = item.heightForWidth(item_width) if item.hasHeightForWidth() else -1
            needed = max(needed, item.sizeHint().height(), item.minimumSizeHint().height())
            if row == len(rows):
                rows.append(needed)
            else:
                rows[row] = max(rows[row], needed)
        return sum(rows) + self._gap * max(0, len(rows) - 1)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width()) if self.width() > 0 else hint.height())

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for item in self._items:
            self._grid.removeWidget(item)
        for index, item in enumerate(self._items):
            row, column = divmod(index, columns)
            alone = index == len(self._items) - 1 and column == 0
            self._grid.addWidget(item, row, column, 1, columns if alone else 1)
        rows = math.ceil(len(self._items) / columns)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 1 if row < rows else 0)

    def _on_language_changed(self, lang: str) -> None:
        if self.width() > 0:
            self._arrange(self.columns_for(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.columns_for(self.width()))
