"""A rate read at a glance: "nearly 130 a day" large, beside a day drawn as a clock face whose
ring holds one mark per company of the report's daily average.

The marks light up around the day as the page makes its entrance; the number beside them is
the report's own figure, with its qualifier, from the first frame: a count shown is never a
fraction of a company, and never a figure the report does not give. No axis, no plot: a
visitor reads the number and sees the day fill. Drawn with QPainter: a ring of marks is all
there is to draw, and a plot library would only bring back axes to hide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content import Figure
from kiosk.ui import theme as th
from kiosk.ui.charts.base import Chart
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.widgets.figure_card import FigureNumber
from kiosk.ui.widgets.text import TextLabel

HOURS = 24
TAP_SLOP = 24  # px a finger may travel and still tap


def _direction(turn: float) -> QPointF:
    """The unit vector `turn` of the way round a clock face from the top, clockwise."""
    return QPointF(math.sin(2 * math.pi * turn), -math.cos(2 * math.pi * turn))


def _round_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour)
    pen.setWidthF(width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class DayDial(QWidget):
    """A day as a 24-hour clock face; around it `count` marks, the first `lit` in the accent."""

    tapped = Signal()

    def __init__(
        self, count: int, language: LanguageState, theme: th.Theme, accent: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.count = count
        self.lit = count
        self._language = language
        self._theme = theme
        self._accent = accent
        self._press: QPointF | None = None
        # The face is drawn in the largest square the layout gives: it never asks for more
        # height than the page has to spare.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        language.changed.connect(self.update)

    def set_lit(self, lit: int) -> None:
        lit = max(0, min(self.count, lit))
        if lit != self.lit:
            self.lit = lit
            self.update()

    def sizeHint(self) -> QSize:
        # Portrait has the height to spare; landscape shares the width with the number.
        side = self._theme.px(640 if self._theme.portrait else 380)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = self._theme.px(300)
        return QSize(side, side)

    def mark_centres(self) -> list[QPointF]:
        """Where each company's mark stands: clockwise from the top, midnight, as a clock's hand
        goes (a clock turns this way in every writing direction)."""
        centre, ring, _ = self._geometry()
        return [centre + _direction(index / self.count) * ring for index in range(self.count)]

    def _geometry(self) -> tuple[QPointF, float, float]:
        """The face's centre, the radius of the marks' middles and a mark's length."""
        side = min(self.width(), self.height())
        centre = QPointF(self.width() / 2, self.height() / 2)
        outer = side / 2 - self._theme.px(4)
        length = outer * 0.16
        return centre, outer - length / 2, length

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self._theme, self._theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre, ring, length = self._geometry()
        # One mark per company, like a clock's minute marks: the day is full of them.
        width = max(1.0, 2 * math.pi * ring / max(1, self.count) * 0.5)
        unlit = _round_pen(th.color(palette.text_secondary, 0.22), width)
        lit = _round_pen(th.color(self._accent), width)
        for index in range(self.count):
            direction = _direction(index / self.count)
            painter.setPen(lit if index < self.lit else unlit)
            painter.drawLine(
                centre + direction * (ring - length / 2), centre + direction * (ring + length / 2)
            )
        # The hours inside, as on a clock: a longer mark every six hours, no numbers to read.
        inner = ring - length * 0.9
        for hour in range(HOURS):
            quarter = hour % 6 == 0
            painter.setPen(QPen(th.color(palette.text_secondary, 0.8), theme.px(4 if quarter else 2)))
            direction = _direction(hour / HOURS)
            painter.drawLine(
                centre + direction * inner, centre + direction * (inner - length * (0.5 if quarter else 0.25))
            )
        # The face says what the ring is: one day.
        painter.setPen(th.color(palette.text))
        face = QRectF(centre.x() - inner * 0.8, centre.y() - inner * 0.5, inner * 1.6, inner)
        words = self._language.text(ui("rate-day"))
        # h2, or smaller where larger text or a long word would run past the hour marks.
        font = theme.font("h2")
        while font.pixelSize() > theme.px(14) and QFontMetricsF(font).horizontalAdvance(words) > face.width():
            font.setPixelSize(font.pixelSize() - 1)
        painter.setFont(font)
        painter.drawText(face, Qt.AlignmentFlag.AlignCenter, words)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        event.accept()
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() <= self._theme.px(TAP_SLOP):
            self.tapped.emit()


class RateChart(Chart):
    def __init__(
        self,
        figures: Sequence[Figure],
        language: LanguageState,
        theme: th.Theme,
        accent: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(figures, language, theme, accent, parent)
        self.figure = self.figures[0]
        direction = QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        layout = QBoxLayout(direction, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.px(64))
        words = QVBoxLayout()
        words.setSpacing(theme.px(8))
        words.addStretch(1)
        # The report's figure, final from the first frame: the marks are what grows.
        self.number = FigureNumber(language, self.figure, theme, "figure", accent)
        words.addWidget(self.number)
        words.addWidget(TextLabel(language, self.figure.label, "label"))
        if self.figure.context is not None:
            words.addWidget(TextLabel(language, self.figure.context, "caption", tone="secondary"))
        words.addSpacing(theme.px(16))
        words.addWidget(TextLabel(language, ui("rate-note"), "caption", tone="secondary"))
        words.addStretch(1)
        # A visitor's larger text needs the words' width (wrapped word by word they would stand
        # taller than a landscape screen); the dial reads at any size.
        larger = theme.text_scale > 1 and not theme.portrait
        layout.addLayout(words, 3 if larger else 1)
        # One mark per company of the daily average: a whole number, as companies are.
        self.dial = DayDial(max(1, round(self.figure.value)), language, theme, accent)
        self.dial.tapped.connect(lambda: self.figure_tapped.emit(self.figure.id))
        layout.addWidget(self.dial, 2 if larger else 1)
        self._draw()

    def _draw(self) -> None:
        progress = self._progress[0] if self._progress else 1.0
        self.dial.set_lit(math.floor(self.dial.count * min(1.0, max(0.0, progress)) + 1e-9))

    def shown_values(self) -> list[float]:
        """The number stands final throughout (the marks show the entrance)."""
        return [self.figure.value]
