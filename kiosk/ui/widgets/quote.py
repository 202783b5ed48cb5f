"""A quote from the conference: the words, then who said it, where the report says."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content import Voice
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState
from kiosk.ui.widgets.text import Paragraph, TextLabel


def attribution(voice: Voice, lang: str) -> str:
    """ "Larsson · Linköping Science Park · Sweden": only the parts the report gives."""
    parts = [voice.role, voice.organisation, voice.country]
    separator = " · "
    return separator.join(part[lang] for part in parts if part is not None)


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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.px(20))
        bar = QFrame()
        bar.setFixedWidth(theme.px(6))
        bar.setStyleSheet(f"background: {accent}; border-radius: {theme.px(3)}px;")
        layout.addWidget(bar)
        words = QVBoxLayout()
        words.setSpacing(theme.px(10))
        mark = QLabel("\u201c")
        mark.setStyleSheet(f"color: {accent}; font-size: {theme.px(72)}px; font-weight: 700;")
        mark.setFixedHeight(theme.px(56))
        words.addWidget(mark)
        self.quote = Paragraph(language, voice.quote, theme, role, line_height=140)
        words.addWidget(self.quote)
        words.addSpacing(theme.px(6))
        self.name = TextLabel(language, voice.name, "label")
        words.addWidget(self.name)
        details = TextLabel(language, lambda lang: attribution(voice, lang), "caption", tone="secondary")
        words.addWidget(details)
        if voice.occasion is not None:
            words.addWidget(TextLabel(language, voice.occasion, "caption", tone="secondary"))
        words.addStretch(1)
        layout.addLayout(words, 1)
