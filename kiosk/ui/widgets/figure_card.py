"""A key figure as a visitor reads it from two metres: the number large, its unit and label."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content import Figure
from kiosk.i18n.numbers import FormattedFigure, count_up_frame, format_figure
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState
from kiosk.ui.widgets.text import TextLabel, widest_word

# A card's number never shrinks below this many times its label's size.
NUMBER_OVER_LABEL = 1.6

# The roles of a screen of figures, one size each on every such screen: the one number read
# first from two metres, and the numbers read after it (cards, bar values, shares).
HERO_ROLE = "figure"
SECONDARY_ROLE = "h1"


class FigureNumber(QWidget):
    """ "近 130 家" set on one baseline: approximation and unit smaller than the number.

    Never clips: when the width is short, the whole line scales down to fit. While it counts
    up it shows the bare digits where the number will stand (see `count_up_frame`); the words
    around them appear when the count arrives, and nothing moves or resizes on the way.
    """

    def __init__(
        self,
        language: LanguageState,
        figure: Figure,
        theme: th.Theme,
        role: str = "figure-small",
        colour: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._figure = figure
        self._theme = theme
        self._role = role
        self._colour = colour or theme.palette.text
        self._value: float | None = None  # None: the content's value (the final state)
        # A screen's headline asks its layout for its whole width rather than shrinking.
        self.whole = False
        self._peers: list[FigureNumber] = [self]
        self._ink_by_language: dict[str, tuple[float, float]] = {}
        self._formatted: dict[str, FormattedFigure] = {}
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.current)

    @property
    def figure(self) -> Figure:
        return self._figure

    @property
    def role(self) -> str:
        return self._role

    def formatted(self) -> FormattedFigure:
        """The figure as it ends: its number, qualifier and unit (formatted once a language:
        layouts ask for its width again and again)."""
        lang = self._language.current
        if lang not in self._formatted:
            self._formatted[lang] = format_figure(self._figure, lang)
        return self._formatted[lang]

    def text(self) -> str:
        return self.formatted().text

    def shown(self) -> FormattedFigure:
        """What shows now: the whole figure, or a count-up frame's bare digits."""
        return count_up_frame(self._figure, self._language.current, self._value)

    def set_value(self, value: float | None) -> None:
        """Show `value` in the figure's unit (a count-up frame); None shows the final value.

        Every frame of a count shows a number the last one did not: where the eased value would
        repeat the digits on screen (its easing lands slower than a digit a frame), the count
        takes the next number itself. It slows down to a number a frame instead of holding its
        last digit for a quarter of a second, and arrives (its words appear) once nothing is
        left to count. A value of 0 or less starts a count again."""
        if value is not None and value > 0 and self._value is not None:
            value = self._next_number(max(value, self._value))
        self._value = value
        self.update()

    def _next_number(self, value: float) -> float:
        """`value`, or the smallest step past it that shows other digits than those on screen."""
        assert self._value is not None
        lang, end = self._language.current, self._figure.value
        on_screen = count_up_frame(self._figure, lang, self._value).number
        step = max(end, 1.0) * 1e-6
        while value < end and count_up_frame(self._figure, lang, value).number == on_screen:
            value = min(end, self._value + step)
            step *= 2
        return value

    def _on_language_changed(self, lang: str) -> None:
        self.setAccessibleName(self.text())
        self.updateGeometry()
        self.update()

    def _fonts(self) -> tuple[QFont, QFont]:
        big = self._theme.font(self._role)
        big.setFeature(QFont.Tag("tnum"), 1)  # digits of one width: a count-up does not jitter
        small = self._theme.font("h2" if self._role == "figure" else "h3")
        return big, small

    def _parts(self) -> list[tuple[str, bool]]:
        """(text, is_big) runs on the baseline, spaced as the language writes the figure."""
        return self.formatted().runs

    def natural_width(self) -> float:
        """The line's width at its full size."""
        return self._natural_width()

    def _natural_width(self) -> float:
        big, small = self._fonts()
        parts = self._parts()
        advance = sum(
            QFontMetricsF(big if is_big else small).horizontalAdvance(text) for text, is_big in parts
        )
        # Left to right, the last letter's ink may reach past its advance ("CNY"'s Y).
        overhang = 0.0
        if parts and not self.isRightToLeft():
            text, is_big = parts[-1]
            metrics = QFontMetricsF(big if is_big else small)
            overhang = max(0.0, metrics.tightBoundingRect(text).right() - metrics.horizontalAdvance(text))
        return self._ink_margin() + advance + overhang

    def _ink_margin(self) -> float:
        """Right to left, the first word starts at the right edge, and Arabic ink reaches a few
        pixels past its advance there: this much room is kept at that edge."""
        return QFontMetricsF(self._fonts()[1]).height() * 0.12 if self.isRightToLeft() else 0.0

    def _ink_extent(self) -> tuple[float, float]:
        """How far the ink of this line and its peers' reaches above and below the baseline
        (one extent for all: side by side, their baselines line up). A comma ("1,000"), a slash
        ("1/3") or a descender reach below the digits; the CJK font's ascent leaves a fifth of
        the size empty above them."""
        extents = [peer._own_ink_extent() for peer in self._peers]
        return max(above for above, _ in extents), max(below for _, below in extents)

    def _own_ink_extent(self) -> tuple[float, float]:
        # A count-up frame's digits are the final number's or fewer: its ink is among the line's.
        lang = self._language.current
        if lang not in self._ink_by_language:
            self._ink_by_language[lang] = self._measure_ink()
        return self._ink_by_language[lang]

    def _measure_ink(self) -> tuple[float, float]:
        above = below = 0.0
        big, small = self._fonts()
        for text, is_big in self._parts():
            ink = QFontMetricsF(big if is_big else small).tightBoundingRect(text)
            above, below = max(above, -ink.top()), max(below, ink.bottom())
        return above, below

    def _baseline(self) -> float:
        """The baseline sits a little under the line's highest ink, not under the font's ascent."""
        above, _ = self._ink_extent()
        return math.ceil(above + self._fonts()[0].pixelSize() * 0.08)

    def sizeHint(self) -> QSize:
        big, _ = self._fonts()
        # The line ends under its deepest ink (whole pixels, rounded outwards), or a little
        # under the digits: tall numbers stand close to the label beneath them.
        below = max(QFontMetricsF(big).descent() * 0.6, self._ink_extent()[1] + 2)
        return QSize(int(self._natural_width()) + 2, math.ceil(self._baseline() + below))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        if self.whole:
            return hint
        return QSize(min(hint.width(), self._theme.px(160)), hint.height())

    def share_scale_with(self, peers: list[FigureNumber]) -> None:
        """Numbers on one screen shrink together, so none looks smaller than its neighbours,
        and stand on baselines at one height."""
        self._peers = peers
        self.updateGeometry()

    def own_fit(self) -> float:
        """How much this line must shrink to fit its width (1.0: not at all)."""
        natural = self._natural_width()
        return min(1.0, self.width() / natural) if natural > 0 and self.width() > 0 else 1.0

    def fit(self) -> float:
        return min(peer.own_fit() for peer in self._peers)

    def drawn_px(self) -> float:
        """The size its digits are painted at: its role's, shrunk with its peers to fit."""
        return self._theme.font_px(self._role) * self.fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        big, small = self._fonts()
        fit = self.fit()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(self._colour))
        baseline = self._baseline()
        painter.scale(fit, fit)
        shown = self.shown()
        whole = shown == self.formatted()
        # The parts follow each other in reading order: from the right edge in a right-to-left
        # language ("نحو" then the number, as "about" then the number from the left).
        rtl = self.isRightToLeft()
        x = self.width() / fit - self._ink_margin() if rtl else 0.0
        for text, is_big in self._parts():
            font = big if is_big else small
            painter.setFont(font)
            advance = QFontMetricsF(font).horizontalAdvance(text)
            if rtl:
                x -= advance
            if whole:
                painter.drawText(QPointF(x, baseline), text)
            elif is_big:  # the words around it keep their room, unwritten, until the end
                painter.drawText(QPointF(x, baseline), shown.number)
            if not rtl:
                x += advance
        painter.end()


def share_number_scale(cards: list[FigureCard]) -> None:
    numbers = [card.number for card in cards]
    for number in numbers:
        number.share_scale_with(numbers)


class FigureCard(QFrame):
    """A panel with one figure: number, label, and the year or scope the report gives.

    A tap on it (down and up without travelling) emits `tapped` with the figure's id; it
    darkens while the finger is down.
    """

    tapped = Signal(str)

    def __init__(
        self,
        language: LanguageState,
        figure: Figure,
        theme: th.Theme,
        accent: str | None = None,
        role: str = "figure-small",
        flat: bool = False,
        centred: bool = False,
        inline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.figure = figure
        self._theme = theme
        self.inline = inline
        layout = QVBoxLayout(self)
        self._margins = (0, 0)
        if flat:  # inside another panel: no background, aligned with the text around it
            layout.setContentsMargins(0, 0, 0, 0)
        else:
            self.setObjectName("panel")
            pad = theme.px(24)
            # Words held in the middle, or a row of a list: as much room below them as above.
            top = theme.px(10 if inline else 16)
            layout.setContentsMargins(pad, top, pad, top if inline or centred else pad)
            self._margins = (pad, pad)
        layout.setSpacing(theme.px(4))
        if centred:  # a card taller than its words holds them in its middle
            layout.addStretch(1)
        self.number = FigureNumber(language, figure, theme, role, accent)
        self.label = TextLabel(language, figure.label, "label")
        self._words = [self.label]
        words: QVBoxLayout | None = None
        if inline:
            # The compact form, for many figures on one screen: the number on the left, its
            # words beside it, one row of a list rather than a tile.
            row = QHBoxLayout()
            row.setSpacing(theme.px(24))
            row.addWidget(self.number, 0, Qt.AlignmentFlag.AlignVCenter)
            words = QVBoxLayout()
            words.setSpacing(theme.px(2))
            words.addStretch(1)
            words.addWidget(self.label)
            row.addLayout(words, 1)
            self.setMinimumHeight(theme.target(64))  # a row of a list is still a touch target
            layout.addStretch(1)  # a row taller than its words (its neighbour's) holds them centred
            layout.addLayout(row)
        else:
            layout.addWidget(self.number)
            layout.addWidget(self.label)
        if figure.context is not None:
            context = TextLabel(language, figure.context, "caption", tone="secondary")
            (words or layout).addWidget(context)
            self._words.append(context)
        if words is not None:
            words.addStretch(1)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._press: QPointF | None = None

    def least_width(self, hyphenate_in: str | None = None) -> int:
        """The narrowest this card may be: its number no smaller than `NUMBER_OVER_LABEL` times
        its label's size, and its label's and context's longest words whole (a grid takes
        fewer columns instead: the number stays the largest thing on the card, no word is cut).
        With `hyphenate_in` (a language), a long word may break once, with a hyphen."""
        least_px = self._theme.font_px("label") * NUMBER_OVER_LABEL
        shrink = min(1.0, least_px / self._theme.font_px(self.number.role))
        number = self.number.natural_width() * shrink
        words = max(widest_word(label, hyphenate_in) for label in self._words)
        if self.inline:
            return math.ceil(number + self._theme.px(24) + words) + sum(self._margins)
        return math.ceil(max(number, words)) + sum(self._margins)

    def _set_down(self, down: bool) -> None:
        self.setProperty("down", down)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        self._set_down(True)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        self._set_down(False)
        event.accept()
        if press is not None and self.rect().contains(event.position().toPoint()):
            self.tapped.emit(self.figure.id)
