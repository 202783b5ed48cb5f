"""One group of figures per screen: the numbers large, the chart the content asks for, the
report's own sentences as the caption. Numbers count up and bars grow on every visit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QVBoxLayout

from kiosk.content import Figure
from kiosk.ui.language import ui
from kiosk.ui.pages.base import Page
from kiosk.ui.vision_colours import colour_of
from kiosk.ui.widgets.figure_card import FigureCard, share_number_scale
from kiosk.ui.widgets.text import Paragraph, TextLabel

if TYPE_CHECKING:
    from kiosk.ui.charts.base import Chart


class FiguresPage(Page):
    def build(self) -> None:
        ref = self.ref
        self.group = next(g for g in self.content.figure_groups if g.id == ref.key)
        self.figures = [self.content.figure(figure_id) for figure_id in self.group.figures]
        self.figure_cards: list[FigureCard] = []
        self.chart: Chart | None = None
        self._chart_figures: list[Figure] = []
        self._build()
        self.use_entrance(len(self.figures))

    def accent(self) -> str:
        return colour_of(self.content, self.group, self.theme)

    def _build(self) -> None:
        theme, group = self.theme, self.group
        self.body.addWidget(TextLabel(self.language, ui("figures"), "caption", tone="secondary"))
        self.title = TextLabel(self.language, group.title, "h1")
        self.body.addWidget(self.title)
        if group.caption is not None:
            caption = Paragraph(
                self.language, group.caption, theme, "body", theme.palette.text_secondary, 1.3
            )
            caption.setMaximumWidth(theme.px(1400))
            self.body.addWidget(caption)
        self.body.addSpacing(theme.px(8))
        self._build_chart()
        self.body.addWidget(self._sentences())
        self.body.addStretch(1)  # spare height goes below, never between the parts

    def _build_chart(self) -> None:
        # pyqtgraph loads here, on the first figures screen, never at start-up.
        from kiosk.ui import charts  # noqa: PLC0415

        kind, theme = self.group.chart, self.theme
        if kind == "counters":
            self.body.addLayout(self._cards(self.figures))
            return
        chart: Chart
        if kind in ("bars", "proportion"):
            self._chart_figures = list(self.figures)
            chart = charts.BarsChart(
                self.figures, self.language, theme, self.accent(), proportion=kind == "proportion"
            )
            self.body.addWidget(chart, 1)
        else:
            if kind == "share":
                self._chart_figures = [f for f in self.figures if f.share is not None]
                role = "figure" if len(self.figures) <= 2 and not theme.compact else "figure-small"
                alone = len(self._chart_figures) == len(self.figures)
                chart = charts.ShareChart(
                    self._chart_figures, self.language, theme, self.accent(), role, beside=alone
                )
            else:
                self._chart_figures = [f for f in self.figures if f.per is not None][:1]
                chart = charts.RateChart(self._chart_figures, self.language, theme, self.accent())
            others = [f for f in self.figures if f not in self._chart_figures]
            row = QBoxLayout(
                QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
            )
            row.setSpacing(theme.px(48))
            # Portrait stacks the parts at their own heights; landscape shares the width.
            share = 0 if theme.portrait else 1
            if others:
                cards = self._cards(others, columns=1)
                column = QVBoxLayout()
                column.addLayout(cards)
                if not theme.portrait:
                    column.addStretch(1)
                row.addLayout(column, share)
            row.addWidget(chart, share)
            self.body.addLayout(row, share)
        chart.figure_tapped.connect(self.open_figure_detail)
        self.chart = chart

    def _columns(self, count: int) -> int:
        if self.theme.portrait:
            return 1 if count <= 3 else 2
        if self.theme.compact:
            return count if count <= 3 else (2 if count == 4 else 3)
        return count

    def _cards(self, figures: list[Figure], columns: int | None = None) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(self.theme.gutter)
        columns = columns or self._columns(len(figures))
        roomy = self.theme.portrait or (len(figures) <= 2 and not self.theme.compact)
        role = "figure" if roomy else "figure-small"
        # With an odd count on two columns, the first card spans both: no lone card at the end.
        span_first = columns == 2 and len(figures) % 2 == 1
        cards: list[FigureCard] = []
        for index, figure in enumerate(figures):
            card = FigureCard(self.language, figure, self.theme, self.accent(), role)
            card.tapped.connect(self.open_figure_detail)
            cards.append(card)
            if span_first and index == 0:
                grid.addWidget(card, 0, 0, 1, 2)
            else:
                row, column = divmod(index + (1 if span_first else 0), columns)
                grid.addWidget(card, row, column)
        share_number_scale(cards)
        self.figure_cards += cards
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        return grid

    def show_final_state(self) -> None:
        super().show_final_state()
        if self.chart is not None:
            self.chart.show_final_state()

    def _on_entrance_progressed(self) -> None:
        entrance = self.entrance
        assert entrance is not None
        progress = {figure.id: entrance.progress(index) for index, figure in enumerate(self.figures)}
        for card in self.figure_cards:
            p = progress[card.figure.id]
            card.number.set_value(None if p >= 1.0 else card.figure.value * p)
        if self.chart is not None:
            self.chart.show_progress([progress[f.id] for f in self._chart_figures])

    def shows_figure_sentences(self) -> bool:
        return True  # each figure's sentence, or one that contains it, is the page's caption

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
            sentence = Paragraph(
                self.language, figure.sentence, self.theme, "body", self.theme.palette.text_secondary, 1.35
            )
            sentence.setMaximumWidth(self.theme.px(1500))
            layout.addWidget(sentence)
        return frame
