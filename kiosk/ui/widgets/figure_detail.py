"""The detail card of a figure: label, value and unit, scope, and the report's own sentence
(left out where the page under the card already shows it).

It covers its page with a dimmed backdrop; the card's Close button, or a tap anywhere outside
the card, closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Figure
from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.figure_card import FigureNumber
from kiosk.ui.widgets.text import Paragraph, TextLabel

CARD_WIDTH = 1100  # at the design's size: wider only when larger text needs the room
NUMBER_ROLES = ("figure", "figure-small")  # the larger first; the smaller where it would not fit
TITLE_ROLES = ("h2", "h3", "label")  # likewise
PADDING, PADDING_TIGHT = 48, 28


def _breaks_anywhere(word: str) -> bool:
    """Whether a line may break inside `word` at any character (CJK ideographs and kana)."""
    return any(ord(character) >= 0x2E80 for character in word)


class FigureDetail(QWidget):
    def __init__(self, page: QWidget, language: LanguageState, theme: th.Theme) -> None:
        super().__init__(page)
        self._language = language
        self._theme = theme
        self.figure: Figure | None = None
        self._accent = theme.palette.accent
        self._sentence_on_page = False
        self.card = QFrame(self)
        self.card.setObjectName("detail-card")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QVBoxLayout(self.card)
        pad = theme.px(PADDING)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(theme.px(12))
        self.close_button = TouchButton(language, theme, ui("admin-close"), icon_path("close"), outlined=True)
        self.close_button.setObjectName("detail-close")
        self.close_button.clicked.connect(self.close_detail)
        self.sentence: Paragraph | None = None
        self._press: QPoint | None = None
        page.installEventFilter(self)
        language.changed.connect(self._on_language_changed)
        self.hide()

    def _on_language_changed(self, _lang: str) -> None:
        if self.isVisible():
            self._place()  # the other language's words may want another width or title size

    def show_figure(self, figure: Figure, accent: str, *, sentence_on_page: bool = False) -> None:
        """Open the card on `figure`; `sentence_on_page`: the page already shows the report's
        sentence behind it, which the card then does not repeat."""
        self.figure, self._accent, self._sentence_on_page = figure, accent, sentence_on_page
        self.card.setStyleSheet(
            f"#detail-card {{ background: {self._theme.palette.surface_raised};"
            f" border-radius: {self._theme.radius}px; border: {self._theme.px(3)}px solid {accent}; }}"
        )
        self._place()
        self.show()
        self.raise_()

    def _fill(self, title_role: str, number_role: str, *, close_above: bool = False) -> None:
        """The card's contents, the title set in `title_role`, the number in `number_role`;
        with `close_above`, Close on a line of its own over a title that needs the width."""
        self._clear()
        figure, theme, language, layout = self.figure, self._theme, self._language, self._layout
        assert figure is not None
        self.title = TextLabel(language, figure.label, title_role)
        if close_above:
            layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
            layout.addWidget(self.title)
        else:
            header = QHBoxLayout()
            header.setSpacing(theme.px(24))
            header.addWidget(self.title, 1)  # no alignment: it gets the height its lines need
            header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(header)
        self.number = FigureNumber(language, figure, theme, number_role, self._accent)
        layout.addWidget(self.number)
        if figure.context is not None:
            layout.addWidget(TextLabel(language, figure.context, "body", tone="secondary"))
        self.sentence = None
        if not self._sentence_on_page:
            layout.addSpacing(theme.px(12))
            layout.addWidget(TextLabel(language, ui("from-report"), "label", tone="secondary"))
            self.sentence = Paragraph(language, figure.sentence, theme, "body")
            layout.addWidget(self.sentence)
        for widget in self.card.findChildren(QWidget):
            widget.ensurePolished()  # styled now: the height for a width is measured at once
            widget.show()

    def close_detail(self) -> None:
        if self.isVisible():
            self.hide()

    def _clear(self) -> None:
        """Empty the card, nested layouts (the header) included."""
        layouts = [self._layout]
        while layouts:
            layout = layouts.pop()
            while layout.count():
                item = layout.takeAt(0)
                if item is None:
                    continue
                widget = item.widget()
                if widget is self.close_button:
                    continue  # the one thing the card keeps from figure to figure
                if widget is not None:
                    widget.hide()
                    widget.setParent(None)  # out of the card now, deleted in a later turn
                    widget.deleteLater()
                elif item.layout() is not None:
                    layouts.append(item.layout())  # type: ignore[arg-type]

    def _place(self) -> None:
        """The card in the middle of the page: the design's width, wider where the title's
        longest word or the height needs it, then the smaller title and number; never taller
        than the page."""
        parent = self.parentWidget()
        if parent is None or self.figure is None:
            return
        self.setGeometry(parent.rect())
        margin = self._theme.margin
        room_w, room_h = self.width() - 2 * margin, self.height() - 2 * margin
        widths = sorted({min(room_w, self._theme.px(CARD_WIDTH)), room_w})
        # The widest card, with less padding, is the last resort for a very long word.
        tries = [(width, PADDING) for width in widths] + [(widths[-1], PADDING_TIGHT)]
        width, height = widths[0], 0
        for width, padding in tries:
            pad = self._theme.px(padding)
            self._layout.setContentsMargins(pad, pad, pad, pad)
            title_role, close_above = self._title_role(width, beside_close=True), False
            if title_role is None:
                title_role, close_above = self._title_role(width, beside_close=False), True
            if title_role is None and padding != PADDING_TIGHT:
                continue  # a wider card, or less padding, or else the smallest title
            for number_role in NUMBER_ROLES:
                self._fill(title_role or TITLE_ROLES[-1], number_role, close_above=close_above)
                height = self._layout.totalHeightForWidth(width)
                if height <= room_h:
                    break
            if height <= room_h:
                break
        height = min(height, room_h)
        self.card.setGeometry((self.width() - width) // 2, (self.height() - height) // 2, width, height)

    def _title_role(self, width: int, *, beside_close: bool) -> str | None:
        """The largest title role in which each of the label's words fits on a line of a card
        `width` wide (`beside_close`: beside the Close button; a long German compound is one
        word); None if none does. Chinese and Japanese break between any two characters: not
        measured."""
        assert self.figure is not None
        words = [w for w in self._language.text(self.figure.label).split() if not _breaks_anywhere(w)]
        margins = self._layout.contentsMargins()
        border = self._theme.px(3)  # the card's outline, inside its width
        room = width - margins.left() - margins.right() - 2 * border - self._theme.px(4)
        if beside_close:
            room -= self.close_button.sizeHint().width() + self._theme.px(24)
        for role in TITLE_ROLES:
            metrics = QFontMetrics(self._theme.font(role))
            if all(metrics.horizontalAdvance(word) <= room for word in words):
                return role
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        if watched is self.parentWidget() and event.type() == QEvent.Type.Hide:
            self.close_detail()
        return super().eventFilter(watched, event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        event.accept()
        if press is not None and not self.card.geometry().contains(press):
            self.close_detail()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._theme.palette.detail_backdrop))
        painter.end()
