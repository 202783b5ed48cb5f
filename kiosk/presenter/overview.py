"""The slide overview (G or O, as in reveal.js): every slide at once, to jump to any of them.

It opens over the presenter view when the presenter has one (the room keeps the current
slide, as in PowerPoint's presenter view), else over the slides themselves (one screen).
A tap takes a slide; so do the arrows and Enter, for a keyboard or a clicker; Esc, G or O
close it where it was. The pictures are drawn one per turn of the event loop after it opens,
so a key pressed meanwhile is answered at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.i18n.digits import whole_number
from kiosk.presenter.slideshow import Slideshow
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.theme import Theme

CLOSE_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_G, Qt.Key.Key_O}
PICK_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}
MIN_TILE_WIDTH = 180  # design pixels: a slide still recognisable, and a target for a finger


class SlideOverview(QWidget):
    """A grid of the show's slides over `host`; `picture(index, width)` draws one slide."""

    picked = Signal(int)
    closed = Signal()

    def __init__(
        self, show: Slideshow, picture: Callable[[int, int], QPixmap], theme: Theme, language: LanguageState
    ) -> None:
        super().__init__()
        self.show_ = show
        self._picture = picture
        self.theme = theme
        self.language = language
        self.selected = 0
        self.columns = 1
        self.first_row = 0  # the top row on screen, when the slides need more rows than fit
        self._tiles: list[QRect] = []
        self._pictures: dict[int, QPixmap] = {}
        self._tile_width = 0
        self._draw_next = QTimer(self)
        self._draw_next.setSingleShot(True)
        self._draw_next.setInterval(0)
        self._draw_next.timeout.connect(self._on_draw_next_timeout)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the show, which hands them here
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.hide()

    # ---- opening and closing --------------------------------------------------------------

    def open_over(self, host: QWidget) -> None:
        if self.parentWidget() is not host:
            self.setParent(host)
        self.selected = max(0, self.show_.index)
        self.setGeometry(host.rect())
        self._lay_out()
        self.show()
        self.raise_()
        self._draw_next.start()

    def close_overview(self) -> None:
        if self.isVisible():
            self._draw_next.stop()
            self.hide()
            self.closed.emit()

    def toggle(self, host: QWidget) -> None:
        if self.isVisible():
            self.close_overview()
        else:
            self.open_over(host)

    def pick(self, index: int) -> None:
        self.close_overview()
        self.picked.emit(index)

    # ---- keys and taps --------------------------------------------------------------------

    def handle_key_event(self, event: QKeyEvent) -> bool:
        """For the input router, ahead of the show: while open, every key is the overview's."""
        if not self.isVisible():
            return False
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_PageDown: 1,  # a clicker's forward and back move the choice
            Qt.Key.Key_PageUp: -1,
            Qt.Key.Key_Down: self.columns,
            Qt.Key.Key_Up: -self.columns,
        }
        if key in CLOSE_KEYS:
            if not event.isAutoRepeat():
                self.close_overview()
        elif key in PICK_KEYS:
            if not event.isAutoRepeat():
                self.pick(self.selected)
        elif key in moves:
            self.select(self.selected + moves[key])
        elif key == Qt.Key.Key_Home:
            self.select(0)
        elif key == Qt.Key.Key_End:
            self.select(self.show_.count - 1)
        return True

    def select(self, index: int) -> None:
        index = max(0, min(index, self.show_.count - 1))
        if index == self.selected:
            return
        self.selected = index
        rows_on_screen = self._rows_on_screen()
        row = index // self.columns
        if row < self.first_row:
            self.first_row = row
        elif row >= self.first_row + rows_on_screen:
            self.first_row = row - rows_on_screen + 1
        self._place_tiles()
        self.update()

    def tile_at(self, x: int, y: int) -> int | None:
        for offset, rect in enumerate(self._tiles):
            if rect.contains(x, y):
                return self.first_row * self.columns + offset
        return None

    def tile_rect(self, index: int) -> QRect | None:
        """Where slide `index` is drawn, in this widget, or None when it is scrolled away."""
        offset = index - self.first_row * self.columns
        return self._tiles[offset] if 0 <= offset < len(self._tiles) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        index = self.tile_at(round(event.position().x()), round(event.position().y()))
        if index is not None:
            self.pick(index)

    # ---- geometry -------------------------------------------------------------------------

    def _slide_ratio(self) -> float:
        width, height = self.show_.session.size
        return height / width if width else 9 / 16

    def _header_height(self) -> int:
        return self.theme.px(96)

    def _label_height(self) -> int:
        return round(self.theme.font_px("label") * 1.6)

    def _lay_out(self) -> None:
        """The most columns that still give each slide the largest picture that fits."""
        count, gap = self.show_.count, self.theme.px(24)
        width = self.width() - 2 * gap
        height = self.height() - self._header_height() - gap
        best = (1, 0)
        for columns in range(1, count + 1):
            tile_width = (width - (columns - 1) * gap) // columns
            rows = math.ceil(count / columns)
            tile_height = round(tile_width * self._slide_ratio()) + self._label_height()
            if rows * tile_height + (rows - 1) * gap <= height and tile_width > best[1]:
                best = (columns, tile_width)
        if best[1] == 0:  # too many to fit at once: a minimum size, and the rows scroll
            tile_width = max(self.theme.px(MIN_TILE_WIDTH), 1)
            columns = max(1, (width + gap) // (tile_width + gap))
            best = (columns, (width - (columns - 1) * gap) // columns)
        self.columns, self._tile_width = best
        self.first_row = min(self.first_row, self.selected // self.columns)
        self._place_tiles()

    def _rows_on_screen(self) -> int:
        gap = self.theme.px(24)
        tile_height = round(self._tile_width * self._slide_ratio()) + self._label_height()
        room = self.height() - self._header_height() - gap
        return max(1, (room + gap) // (tile_height + gap))

    def _place_tiles(self) -> None:
        gap = self.theme.px(24)
        picture_height = round(self._tile_width * self._slide_ratio())
        tile_height = picture_height + self._label_height()
        first = self.first_row * self.columns
        last = min(self.show_.count, first + self._rows_on_screen() * self.columns)
        self._tiles = []
        for index in range(first, last):
            row, column = divmod(index - first, self.columns)
            x = gap + column * (self._tile_width + gap)
            y = self._header_height() + row * (tile_height + gap)
            self._tiles.append(QRect(x, y, self._tile_width, tile_height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    # ---- pictures -------------------------------------------------------------------------

    def _on_draw_next_timeout(self) -> None:
        """One missing picture per turn, those on screen first."""
        if not self.isVisible():
            return
        first = self.first_row * self.columns
        wanted = [i for i in range(first, first + len(self._tiles)) if i not in self._pictures]
        if not wanted:
            return
        index = wanted[0]
        self._pictures[index] = self._picture(index, self._tile_width)
        self.update(self._tiles[index - first])
        self._draw_next.start()

    def pictures_pending(self) -> bool:
        return self._draw_next.isActive()

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(palette.background))
        painter.setPen(QColor(palette.text))
        painter.setFont(theme.font("h3"))
        lang = self.language.current
        title = ui("presenter-overview-title", n=self.show_.count)(lang)
        header = QRect(theme.px(24), 0, self.width() - 2 * theme.px(24), self._header_height())
        painter.drawText(header, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading, title)
        first = self.first_row * self.columns
        label_height = self._label_height()
        radius = theme.px(8)
        for offset, tile in enumerate(self._tiles):
            index = first + offset
            picture_rect = QRect(tile.x(), tile.y(), tile.width(), tile.height() - label_height)
            picture = self._pictures.get(index)
            if picture is not None:
                painter.drawPixmap(picture_rect, picture)
            else:
                painter.fillRect(picture_rect, QColor(palette.surface))
            if index == self.show_.index:  # what the room sees now
                painter.setPen(QPen(QColor(palette.accent), theme.px(4)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(picture_rect).adjusted(-2, -2, 2, 2), radius, radius)
            if index == self.selected:  # where Enter goes
                painter.setPen(QPen(QColor(palette.text), theme.px(6)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(picture_rect).adjusted(-6, -6, 6, 6), radius, radius)
            painter.setPen(QColor(palette.text if index == self.selected else palette.text_secondary))
            painter.setFont(theme.font("label"))
            label = QRect(tile.x(), picture_rect.bottom() + 1, tile.width(), label_height)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, whole_number(index + 1, lang))
        painter.end()
