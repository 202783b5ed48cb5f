"""One group of figures per screen: big numbers, their labels, and the report's sentences."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from kiosk.content import Figure, LoadedContent
from kiosk.content.pages import PageRef
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.pages.base import Page
from kiosk.ui.widgets.figure_card import FigureCard, share_number_scale
from kiosk.ui.widgets.text import Paragraph, TextLabel

# Each screen of figures takes one colour in turn; a colour belongs to the screen, not to a vision.
GROUP_COLOURS = ("#4C8DFF", "#2FC487", "#9B87FF", "#FF9A4D", "#22C7E6")


class FiguresPage(Page):
    def __init__(
        self,
        ref: PageRef,
        loaded: LoadedContent,
        language: LanguageState,
        theme: th.Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ref, loaded, language, theme, parent)
        self.group = next(g for g in self.content.figure_groups if g.id == ref.key)
        self.index = next(i for i, g in enumerate(self.content.figure_groups) if g.id == ref.key)
        self.figures = [self.content.figure(figure_id) for figure_id in self.group.figures]
        self.figure_cards: list[FigureCard] = []
        self._build()

    def accent(self) -> str:
        return GROUP_COLOURS[self.index % len(GROUP_COLOURS)]

    def _build(self) -> None:
        theme, group = self.theme, self.group
        self.body.addWidget(TextLabel(self.language, ui("figures"), "caption", tone="secondary"))
        self.title = TextLabel(self.language, group.title, "h1")
        self.body.addWidget(self.title)
        if group.caption is not None:
            caption = Paragraph(self.language, group.caption, theme, "body", th.TEXT_SECONDARY, 1.3)
            caption.setMaximumWidth(theme.px(1400))
            self.body.addWidget(caption)
        self.body.addSpacing(theme.px(8))
        self.body.addLayout(self._cards())
        self.body.addWidget(self._sentences())
        self.body.addStretch(1)

    def _columns(self) -> int:
        count = len(self.figures)
        if self.theme.portrait:
            return 1 if count <= 3 else 2
        if self.theme.compact:
            return count if count <= 3 else (2 if count == 4 else 3)
        return count

    def _cards(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(self.theme.gutter)
        columns = self._columns()
        roomy = self.theme.portrait or (len(self.figures) <= 2 and not self.theme.compact)
        role = "figure" if roomy else "figure-small"
        # With an odd count on two columns, the first card spans both: no lone card at the end.
        span_first = columns == 2 and len(self.figures) % 2 == 1
        for index, figure in enumerate(self.figures):
            card = FigureCard(self.language, figure, self.theme, self.accent(), role)
            self.figure_cards.append(card)
            if span_first and index == 0:
                grid.addWidget(card, 0, 0, 1, 2)
            else:
                row, column = divmod(index + (1 if span_first else 0), columns)
                grid.addWidget(card, row, column)
        share_number_scale(self.figure_cards)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        return grid

    def _distinct_sentences(self) -> list[Figure]:
        """Figures whose sentence says something the group's other sentences do not already."""
        lang = self.content.meta.default_language

        def core(figure: Figure) -> str:
            return figure.sentence[lang].replace("……", "").replace("...", "").strip()

        kept: list[Figure] = []
        for figure in self.figures:
            text = core(figure)
            covered = any(
                text in core(other) and (text != core(other) or other in kept)
                for other in self.figures
                if other is not figure
            )
            if not covered:
                kept.append(figure)
        return kept

    def _sentences(self) -> QFrame:
        """The report's own sentences behind these figures, each once."""
        frame = QFrame()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, self.theme.px(12), 0, 0)
        layout.setSpacing(self.theme.px(10))
        layout.addWidget(TextLabel(self.language, ui("from-report"), "label", tone="secondary"))
        for figure in self._distinct_sentences():
            sentence = Paragraph(self.language, figure.sentence, self.theme, "body", th.TEXT_SECONDARY, 1.35)
            sentence.setMaximumWidth(self.theme.px(1500))
            layout.addWidget(sentence)
        return frame
