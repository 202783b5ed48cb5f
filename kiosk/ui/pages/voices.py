"""The voices of the conference: the speakers listed, one quote large; tap, swipe or step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QGridLayout, QVBoxLayout

from kiosk.content import Voice
from kiosk.ui.language import ui
from kiosk.ui.pages.base import Page
from kiosk.ui.vision_colours import colour_of, shared_colour
from kiosk.ui.widgets.buttons import EntryCard
from kiosk.ui.widgets.quote import QuoteBlock
from kiosk.ui.widgets.text import TextLabel


def people(voices: Sequence[Voice]) -> list[list[int]]:
    """The voices' indices by person, in the order each person first speaks: one person is one
    name in every language (Li Zhong, quoted twice, is one person)."""
    by_name: dict[tuple[tuple[str, str], ...], list[int]] = {}
    for index, voice in enumerate(voices):
        by_name.setdefault(tuple(sorted(voice.name.root.items())), []).append(index)
    return list(by_name.values())


class VoicesPage(Page):
    def build(self) -> None:
        language, theme = self.language, self.theme
        self.body.addWidget(TextLabel(language, ui("voices"), "caption", tone="secondary"))
        self.title = TextLabel(language, ui("voices-hint"), "h1")
        self.body.addWidget(self.title)
        self.body.addSpacing(theme.px(8))
        portrait = theme.portrait
        columns = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        columns.setSpacing(theme.px(48))
        self.speakers: list[EntryCard] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        speakers = QGridLayout()
        speakers.setSpacing(theme.px(10))
        # All quotes sit in one column, only the current one shown: hidden widgets take no room,
        # and the shown one gets its full height for its width (a stacked widget would not).
        quote_column = QVBoxLayout()
        self.quotes: list[QuoteBlock] = []
        self._index = 0
        per_row = 2
        # One chip per person, however many of their quotes the report gives: a step is a quote.
        self._people = people(self.content.voices)
        self._person_of = {quote: person for person, quotes in enumerate(self._people) for quote in quotes}
        for person, quotes in enumerate(self._people):
            voice = self.content.voices[quotes[0]]
            colour = shared_colour(self.content, (self.content.voices[q] for q in quotes), theme)
            card = EntryCard(language, theme, voice.name, lambda lang: "", colour, None, compact=True)
            card.setObjectName(f"speaker-{voice.id}")
            card.setCheckable(True)
            self._group.addButton(card, person)
            speakers.addWidget(card, *divmod(person, per_row))
            self.speakers.append(card)
        for index, voice in enumerate(self.content.voices):
            block = QuoteBlock(language, voice, theme, colour_of(self.content, voice, theme), "lead")
            if index:  # hidden before it has a parent: shown, a parentless widget is a window
                block.hide()
            self.quotes.append(block)
            quote_column.addWidget(block)
        self.speakers[0].setChecked(True)
        self._group.idClicked.connect(self._on_speaker_clicked)
        speaker_column = QVBoxLayout()
        speaker_column.addLayout(speakers)
        speaker_column.addStretch(1)
        quote_column.addStretch(1)
        columns.addLayout(quote_column if portrait else speaker_column, 0 if portrait else 5)
        columns.addLayout(speaker_column if portrait else quote_column, 0 if portrait else 8)
        self.body.addLayout(columns, 1)

    def accent(self) -> str:
        return colour_of(self.content, self.content.voices[self._index], self.theme)

    def _on_speaker_clicked(self, person: int) -> None:
        """A person's first quote; tapped again on one of theirs, their next."""
        quotes = self._people[person]
        if self._index in quotes:
            self.set_step(quotes[(quotes.index(self._index) + 1) % len(quotes)])
        else:
            self.set_step(quotes[0])

    def step_count(self) -> int:
        return len(self.quotes)

    def step_index(self) -> int:
        return self._index

    def set_step(self, index: int) -> None:
        index = max(0, min(index, len(self.quotes) - 1))
        self.speakers[self._person_of[index]].setChecked(True)
        if index != self._index:
            self.quotes[self._index].hide()
            self.quotes[index].show()
            self._index = index
            self.scroll_area.verticalScrollBar().setValue(0)
            self.steps_changed.emit()

    def current_quote(self) -> QuoteBlock:
        return self.quotes[self._index]
