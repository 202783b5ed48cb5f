"""The voices of the conference: the speakers listed, one quote large; tap, swipe or step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QGridLayout, QVBoxLayout

from kiosk.content import Voice
from kiosk.i18n.line_breaks import keep_together
from kiosk.i18n.quotes import quote_words
from kiosk.ui import theme as th
from kiosk.ui.language import ui
from kiosk.ui.pages.base import Page
from kiosk.ui.vision_colours import colour_of, shared_colour
from kiosk.ui.widgets.buttons import EntryCard
from kiosk.ui.widgets.quote import (
    QUOTE_LINE_HEIGHT,
    TIGHT_QUOTE_LINE_HEIGHT,
    QuoteBlock,
    attribution,
    mark_width,
)
from kiosk.ui.widgets.text import TextLabel, wrapped_lines

QUOTE_ROLE = "lead"
# A quote's size as a multiple of the lead's, the largest tried first: from 51 px at 1920x1080
# down to 31, in steps a visitor sees as deliberate (never under the body's 28).
QUOTE_SIZES = (1.5, 1.3, 1.15, 1.0, 0.9)
PORTRAIT_QUOTE_SIZES = (1.7, *QUOTE_SIZES)  # a tall screen's room for a short quote


def _words_height(text: str, font: QFont, width: float, line_height: float = QUOTE_LINE_HEIGHT) -> float:
    """The height `text` takes at `width` in `font`, lines `line_height` apart, wrapped as a
    paragraph wraps it (where `keep_together` lets a line break)."""
    lines = wrapped_lines(keep_together(text), font, width)
    return len(lines) * font.pixelSize() * line_height


def people(voices: Sequence[Voice]) -> list[list[int]]:
    """The voices' indices by person, in the order each person first speaks: one person is one
    name in every language (Li Zhong, quoted twice, is one person)."""
    by_name: dict[tuple[tuple[str, str], ...], list[int]] = {}
    for index, voice in enumerate(voices):
        by_name.setdefault(tuple(sorted(voice.name.root.items())), []).append(index)
    return list(by_name.values())


def chip_columns(names: Sequence[str], theme: th.Theme, width: float) -> int:
    """Two columns of speaker chips in `width` when every name's widest unbreakable piece (a
    word; a Chinese name whole) fits a chip of half of it; one otherwise: a name is wrapped
    where a line may break, never cut."""
    font = theme.font("label")
    metrics = QFontMetricsF(font)
    half = (width - theme.gutter) / 2
    # As EntryCard sets its title: inside its padding, after its colour bar.
    room = half - 2 - 2 * theme.px(16 if theme.compact else 24) - theme.px(8)
    pieces = (piece for name in names for piece in wrapped_lines(keep_together(name), font, 1))
    widest = max((metrics.horizontalAdvance(piece.rstrip()) for piece in pieces), default=0.0)
    return 2 if widest <= room else 1


class VoicesPage(Page):
    def build(self) -> None:
        language, theme = self.language, self.theme
        # Where a quote fills the screen's height alone, the speakers are a step of their own,
        # the first: a screen of chips, each opening its person's quote (`Theme.speakers_step`).
        self._listed = theme.speakers_step
        self._on_list = self._listed
        self._line_height = TIGHT_QUOTE_LINE_HEIGHT if self._listed else QUOTE_LINE_HEIGHT
        self._headings()
        portrait = theme.portrait
        columns = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if portrait or self._listed else QBoxLayout.Direction.LeftToRight
        )
        columns.setSpacing(0 if self._listed else theme.px(72))  # one of the two shown
        self.speakers: list[EntryCard] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        speakers = QGridLayout()
        # Chips are touch targets: at least 16 design px apart (the gutter is 24).
        speakers.setSpacing(theme.gutter)
        # All quotes sit in one column, only the current one shown: hidden widgets take no room,
        # and the shown one gets its full height for its width (a stacked widget would not).
        quote_column = QVBoxLayout()
        self.quotes: list[QuoteBlock] = []
        self._index = 0
        # One chip per person, however many of their quotes the report gives: a step is a quote.
        self._people = people(self.content.voices)
        self._person_of = {quote: person for person, quotes in enumerate(self._people) for quote in quotes}
        names = [
            name for quotes in self._people for name in self.content.voices[quotes[0]].name.root.values()
        ]
        # The chips' column: the page's width in portrait, a part beside the quote (`_split`).
        inner = theme.px(1080 if portrait else 1920) - 2 * theme.margin
        self._split(names, inner)
        chip_parts = 13 - self._quote_parts
        for person, quotes in enumerate(self._people):
            voice = self.content.voices[quotes[0]]
            colour = shared_colour(self.content, (self.content.voices[q] for q in quotes), theme)
            card = EntryCard(
                language, theme, voice.name, lambda lang: "", colour, None, compact=theme.compact
            )
            card.setObjectName(f"speaker-{voice.id}")
            card.setCheckable(True)
            self._group.addButton(card, person)
            speakers.addWidget(card, *divmod(person, self.chip_columns))
            self.speakers.append(card)
        for column in range(self.chip_columns):
            speakers.setColumnStretch(column, 1)
        room = self._quote_room(inner)
        for index, voice in enumerate(self.content.voices):
            colour = colour_of(self.content, voice, theme)
            block = QuoteBlock(
                language,
                voice,
                theme,
                colour,
                QUOTE_ROLE,
                self._quote_size(voice, *room),
                line_height=self._line_height,
            )
            if index or self._listed:  # hidden before it has a parent: shown, it would be a window
                block.hide()
            self.quotes.append(block)
            quote_column.addWidget(block)
        self.speakers[0].setChecked(True)
        self._group.idClicked.connect(self._on_speaker_clicked)
        # The quote in the middle of its room; the chips in the middle of theirs beside it, or
        # in portrait along the bottom, near the navigation and in a seated visitor's reach.
        speaker_column = QVBoxLayout()
        speaker_column.addStretch(1)
        speaker_column.addLayout(speakers)
        if not portrait:
            speaker_column.addStretch(1)
        # In portrait the quote leans towards the speakers it belongs to, below it.
        quote_column.insertStretch(0, 2 if portrait and not self._listed else 1)
        quote_column.addStretch(1)
        self._arrange(columns, speaker_column, quote_column, chip_parts)
        self.body.addLayout(columns, 1)

    def _arrange(
        self, columns: QBoxLayout, speaker_column: QVBoxLayout, quote_column: QVBoxLayout, chip_parts: int
    ) -> None:
        """The speakers beside the quote, under it in portrait, or each on steps of their own."""
        if self._listed:  # the shown step's column takes the height (`set_step`)
            columns.addLayout(speaker_column, 1)
            columns.addLayout(quote_column, 0)
            self._columns = columns
        elif self.theme.portrait:
            columns.addLayout(quote_column, 1)
            columns.addLayout(speaker_column, 0)
        else:
            columns.addLayout(speaker_column, chip_parts)
            columns.addLayout(quote_column, self._quote_parts)

    def _headings(self) -> None:
        """The page's name and title; on a quote's own step (`_listed`) the title's words in the
        name's line, the height going to the quote."""
        language = self.language
        self.overline = TextLabel(language, ui("voices"), "caption", tone="secondary")
        self.body.addWidget(self.overline)
        self.quote_overline = TextLabel(language, ui("voices-hint"), "caption", tone="secondary")
        self.quote_overline.hide()
        self.body.addWidget(self.quote_overline)
        self.title = TextLabel(language, ui("voices-hint"), "h1")
        self.body.addWidget(self.title)
        self.body.addSpacing(self.theme.px(8))

    def _split(self, names: list[str], inner: int) -> None:
        """Beside the quote, the chips take five of thirteen parts; fewer where a quote would
        not fit its room otherwise (its words at the body's size, the least they are set in),
        as long as the chips keep their columns."""
        theme, portrait = self.theme, self.theme.portrait
        self._quote_parts = 8
        chips_width = (inner - theme.px(72)) / 13
        if self._listed:
            # The chips' own step: as many columns across the page as keep every name whole.
            self.chip_columns = next(
                (
                    count
                    for count in (4, 3, 2)
                    if len(names) >= count
                    and chip_columns(
                        names, theme, 2 * (inner - (count - 1) * theme.gutter) / count + theme.gutter
                    )
                    == 2
                ),
                1,
            )
            return
        self.chip_columns = chip_columns(names, theme, inner if portrait else chips_width * 5)
        while (
            not portrait
            and theme.text_scale == 1  # larger text may scroll; its chips keep their width
            and self._quote_parts < 10
            and chip_columns(names, theme, chips_width * (12 - self._quote_parts)) == self.chip_columns
            and not all(self._quote_fits(voice, *self._quote_room(inner)) for voice in self.content.voices)
        ):
            self._quote_parts += 1
        if not portrait and not all(
            self._quote_fits(voice, *self._quote_room(inner)) for voice in self.content.voices
        ):
            # Still too long at the body's size in all the room it may take: lines closer.
            self._line_height = TIGHT_QUOTE_LINE_HEIGHT

    def _quote_room(self, inner: int) -> tuple[float, float]:
        """The width and height the page leaves a quote (its words and who said it)."""
        theme = self.theme
        portrait = theme.portrait
        height: float = theme.px(1920 if portrait else 1080) - theme.nav_height - theme.px(48 + 24)
        self.title.ensurePolished()  # its role's font comes from the style sheet
        height -= (
            (0 if self._listed else self.title.heightForWidth(inner))  # a quote's step has no title
            + theme.font_px("caption") * 1.45
            + theme.px(8)
            + 2 * theme.gutter
        )
        if self._listed:
            return inner, height
        if portrait:
            for card in self.speakers:
                card.ensurePolished()
            chip_width = round((inner - theme.gutter * (self.chip_columns - 1)) / self.chip_columns)
            chip = max(
                max(card.heightForWidth(chip_width), card.sizeHint().height()) for card in self.speakers
            )
            rows = -(-len(self.speakers) // self.chip_columns)
            height -= rows * chip + (rows - 1) * theme.gutter + theme.px(72)
            return inner, height
        return round((inner - theme.px(72)) * self._quote_parts / 13), height

    def _quote_fits(self, voice: Voice, width: float, height: float) -> bool:
        return self._quote_size(voice, width, height, fitting=True) > 0

    def _quote_size(self, voice: Voice, width: float, height: float, fitting: bool = False) -> float:
        """A quote's type: as large as it still fits its room in every language (the same size
        in each), from the lead's size up to half as large again; a short quote is set large
        and fills the screen, read from two metres, a long one steps down."""
        theme = self.theme
        words_width = width - mark_width(theme) - theme.px(18)
        base = theme.font(QUOTE_ROLE)
        label, caption = theme.font("label"), theme.font("caption")
        languages = voice.quote.root.keys()

        def said_by(lang: str) -> float:
            """The height of who said it, under the words."""
            lines = len(wrapped_lines(voice.name[lang], label, words_width)) * 1.45 * label.pixelSize()
            notes = [attribution(voice, lang)] + ([voice.occasion[lang]] if voice.occasion else [])
            for note in notes:
                lines += len(wrapped_lines(note, caption, words_width)) * 1.45 * caption.pixelSize()
            return lines + theme.px(6) * (1 + len(notes))

        # Measured ahead of the layout, line by line: some kept spare for what it rounds up.
        height *= 0.85
        least = theme.font_px("body") / base.pixelSize()  # never under the body's size
        if self._listed and theme.compact:
            # A quote with a small screen to itself in a visitor's larger text: set in the
            # body's size they chose, every quote alike (the long ones need all of it).
            return least
        steps = PORTRAIT_QUOTE_SIZES if theme.portrait else QUOTE_SIZES
        sizes = sorted({max(least, size) for size in steps}, reverse=True)
        # Last, the body's size: a long quote that fits nowhere larger (a German one on a small
        # panel), or in a visitor's larger text the size they chose.
        sizes = sorted({*sizes, least}, reverse=True)
        for size in sizes:
            font = QFont(base)
            font.setPixelSize(round(base.pixelSize() * size))
            if all(
                _words_height(quote_words(voice.quote[lang]), font, words_width, self._line_height)
                + said_by(lang)
                <= height
                for lang in languages
            ):
                return size
        return 0.0 if fitting else sizes[-1]

    def accent(self) -> str:
        return colour_of(self.content, self.content.voices[self._index], self.theme)

    def _on_speaker_clicked(self, person: int) -> None:
        """A person's first quote; tapped again on one of theirs, their next."""
        quotes = self._people[person]
        if self._index in quotes and not self._on_list:
            quote = quotes[(quotes.index(self._index) + 1) % len(quotes)]
        else:
            quote = quotes[0]
        self.set_step(quote + self._listed)

    def step_count(self) -> int:
        return len(self.quotes) + self._listed

    def step_index(self) -> int:
        return 0 if self._on_list else self._index + self._listed

    def set_step(self, index: int) -> None:
        step = max(0, min(index, self.step_count() - 1))
        on_list = self._listed and step == 0
        quote = self._index if on_list else step - self._listed
        self.speakers[self._person_of[quote]].setChecked(True)
        if (quote, on_list) == (self._index, self._on_list):
            return
        self.quotes[self._index].setHidden(True)
        self.quotes[quote].setHidden(on_list)
        if self._listed:
            for card in self.speakers:
                card.setVisible(on_list)
            self.title.setVisible(on_list)
            self._columns.setStretch(0, 1 if on_list else 0)
            self._columns.setStretch(1, 0 if on_list else 1)
            self.overline.setVisible(on_list)
            self.quote_overline.setVisible(not on_list)
        self._index, self._on_list = quote, on_list
        self.scroll_area.verticalScrollBar().setValue(0)
        self.steps_changed.emit()

    def current_quote(self) -> QuoteBlock:
        return self.quotes[self._index]
