"""A quote from the conference: a hanging quotation mark, the words, then who said it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from kiosk.content import Voice
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState
from kiosk.ui.widgets.text import Paragraph, TextLabel


def attribution(voice: Voice, lang: str) -> str:
    """ "Linköping Science Park · Sweden": only the parts the report gives."""
    parts = [voice.role, voice.organisation, voice.country]
    return " · ".join(part[lang] for part in parts if part is not None)


class QuoteBlock(QFrame):
    def __init__(
        self,
        language: LanguageState,
        voice: Voice,
        theme: th.Theme,
        accent: str,
        role: str = "body",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.voice = voice
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(theme.px(16))
        grid.setVerticalSpacing(theme.px(6))
        mark = QLabel("\u201c")
        mark.setStyleSheet(f"color: {accent}; font-size: {theme.px(88)}px; font-weight: 700;")
        mark.setFixedWidth(theme.px(44))
        mark.setFixedHeight(theme.px(72))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(mark, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.quote = Paragraph(language, voice.quote, theme, role, line_height=1.4)
        grid.addWidget(self.quote, 0, 1)
        self.name = TextLabel(language, voice.name, "label")
        self.name.setStyleSheet(f"color: {accent};")
        grid.addWidget(self.name, 1, 1)
        details = TextLabel(language, lambda lang: attribution(voice, lang), "caption", tone="secondary")
        grid.addWidget(details, 2, 1)
        if voice.occasion is not None:
            grid.addWidget(TextLabel(language, voice.occasion, "caption", tone="secondary"), 3, 1)
        grid.setColumnStretch(1, 1)
