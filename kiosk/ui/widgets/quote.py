"""A quote from the conference: a hanging quotation mark, the words, then who said it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

from kiosk.content import Voice
from kiosk.i18n.quotes import quote_words
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState
from kiosk.ui.widgets.text import Paragraph, TextLabel

MARK = "\u201c"
QUOTE_LINE_HEIGHT = 1.4
# A quote that has a small screen to itself in a visitor's larger text: its lines closer, as
# a paragraph's, so that the words and who said them stand on one screen.
TIGHT_QUOTE_LINE_HEIGHT = 1.3


def attribution(voice: Voice, lang: str) -> str:
    """ "Director · Beijing Municipal ... · China": only the parts the report gives.

    Chinese names the organisation before the title, as one phrase, with the country after it
    in brackets: "北京市科委、中关村管委会主任（中国）".
    """
    if lang == "zh":
        title = "".join(part[lang] for part in (voice.organisation, voice.role) if part is not None)
        country = voice.country[lang] if voice.country is not None else ""
        return f"{title}（{country}）" if title and country else title or country
    parts = [voice.role, voice.organisation, voice.country]
    return " · ".join(part[lang] for part in parts if part is not None)


def mark_width(theme: th.Theme) -> int:
    """The width the quotation mark takes beside the words."""
    return int(QFontMetricsF(theme.font("figure-small")).tightBoundingRect(MARK).width()) + theme.px(6)


class QuoteMark(QWidget):
    """A large opening quotation mark whose ink (not its em box) sits at the top left."""

    def __init__(self, colour: str, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = colour
        self._font = theme.font("figure-small")
        ink = QFontMetricsF(self._font).tightBoundingRect(MARK)
        self._offset = QPointF(-ink.left(), -ink.top())
        self.setFixedSize(mark_width(theme), int(ink.height()) + theme.px(6))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font)
        painter.setPen(QColor(self._colour))
        if self.isRightToLeft():
            # The opening mark faces the text, which now lies to its left: drawn mirrored.
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        painter.drawText(self._offset, MARK)
        painter.end()


class QuoteBlock(QFrame):
    def __init__(
        self,
        language: LanguageState,
        voice: Voice,
        theme: th.Theme,
        accent: str,
        role: str = "body",
        size: float = 1.0,
        parent: QWidget | None = None,
        *,
        line_height: float = QUOTE_LINE_HEIGHT,
    ) -> None:
        """`size`: the words' type as a multiple of `role`'s (a short quote set large)."""
        super().__init__(parent)
        self.voice = voice
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(theme.px(18))
        grid.setVerticalSpacing(theme.px(6))
        mark = QuoteMark(accent, theme)
        grid.addWidget(mark, 0, 0, Qt.AlignmentFlag.AlignTop)
        words = voice.quote
        words_theme = replace(theme, text_scale=theme.text_scale * size)
        self.words_px = words_theme.font_px(role)  # the size the words are set in
        self.quote = Paragraph(
            language, lambda lang: quote_words(words[lang]), words_theme, role, line_height=line_height
        )
        grid.addWidget(self.quote, 0, 1)
        self.name = TextLabel(language, voice.name, "label")
        self.name.setStyleSheet(f"color: {accent};")
        grid.addWidget(self.name, 1, 1)
        details = TextLabel(language, lambda lang: attribution(voice, lang), "caption", tone="secondary")
        grid.addWidget(details, 2, 1)
        if voice.occasion is not None:
            grid.addWidget(TextLabel(language, voice.occasion, "caption", tone="secondary"), 3, 1)
        grid.setColumnStretch(1, 1)

    def minimumSizeHint(self) -> QSize:
        # The words' height depends on the width they get (the layout asks heightForWidth): a
        # minimum measured at some narrow width in passing would claim pages of height.
        return QSize(super().minimumSizeHint().width(), 0)
