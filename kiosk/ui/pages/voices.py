"""The voices of the conference: one quote at a time, swipe or step through them."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.content import LoadedContent
from kiosk.content.pages import PageRef
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.pages.base import Page
from kiosk.ui.widgets.quote import QuoteBlock
from kiosk.ui.widgets.text import TextLabel

VOICE_COLOURS = ("#FF9A4D", "#4C8DFF", "#2FC487", "#9B87FF", "#22C7E6")


class VoicesPage(Page):
    def __init__(
        self,
        ref: PageRef,
        loaded: LoadedContent,
        language: LanguageState,
        theme: th.Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ref, loaded, language, theme, parent)
        self.body.addWidget(TextLabel(language, ui("voices"), "caption", tone="secondary"))
        self.title = TextLabel(language, ui("voices-hint"), "h1")
        self.body.addWidget(self.title)
        self.body.addSpacing(theme.px(16))
        self.stack = QStackedWidget()
        self.quotes: list[QuoteBlock] = []
        for index, voice in enumerate(self.content.voices):
            colour = VOICE_COLOURS[index % len(VOICE_COLOURS)]
            block = QuoteBlock(language, voice, theme, colour, "lead")
            block.setMaximumWidth(theme.px(1500))
            self.quotes.append(block)
            self.stack.addWidget(block)
        self.body.addWidget(self.stack, 1)

    def accent(self) -> str:
        return VOICE_COLOURS[self.stack.currentIndex() % len(VOICE_COLOURS)]

    def step_count(self) -> int:
        return self.stack.count()

    def step_index(self) -> int:
        return self.stack.currentIndex()

    def set_step(self, index: int) -> None:
        index = max(0, min(index, self.stack.count() - 1))
        if index != self.stack.currentIndex():
            self.stack.setCurrentIndex(index)
            self.scroll_area.verticalScrollBar().setValue(0)
            self.steps_changed.emit()

    def current_quote(self) -> QuoteBlock:
        return self.quotes[self.stack.currentIndex()]
