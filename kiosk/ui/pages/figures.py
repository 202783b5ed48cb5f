"""One group of figures per screen: the numbers large, the chart the content asks for, the
report's own sentences as the caption. Numbers count up and bars grow on every visit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Figure
from kiosk.content.pages import figure_steps
from kiosk.i18n.numbers import format_figure
from kiosk.system.resources import icon_path
from kiosk.ui.language import ui
from kiosk.ui.pages.base import Page
from kiosk.ui.vision_colours import colour_of, figure_colour
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.figure_card import HERO_ROLE, SECONDARY_ROLE, FigureCard, share_number_scale
from kiosk.ui.widgets.text import Paragraph, TextLabel

if TYPE_CHECKING:
    from kiosk.ui.charts.base import Chart


SHORT_NUMBER = 9  # characters of a figure as written ("64", "about 1/3"): room for words beside it
MANY_COUNTERS = 5  # cards from which a group takes the page's width, its words in a band above


class FiguresPage(Page):
    def build(self) -> None:
        ref = self.ref
        self.group = next(g for g in self.content.figure_groups if g.id == ref.key)
        self.figures = [self.content.figure(figure_id) for figure_id in self.group.figures]
        self.figure_cards: list[FigureCard] = []
        self.chart: Chart | None = None
        self._chart_figures: list[Figure] = []
        self.hero_card: FigureCard | None = None  # a comparison's headline, apart from its chart
        self._step_screens: list[list[FigureCard]] = []  # a large group's cards, by step
        self._step = 0
        self._steps_column = QVBoxLayout()  # a large group's grids, one per step
        self._hero_over_chart = False
        self._build()
        self.use_entrance(len(self.figures))

    def accent(self) -> str:
        return colour_of(self.content, self.group, self.theme)

    def colour(self, figure: Figure) -> str:
        return figure_colour(self.content, figure, self.group, self.theme)

    def hero(self) -> Figure:
        """The one figure read first: the longest bar of a comparison, else the group's first
        (the content orders a group's figures as the report leads with them)."""
        if self.group.chart in ("bars", "proportion"):
            amounts = [
                (f.share if self.group.chart == "proportion" else f.value) or 0.0 for f in self.figures
            ]
            return self.figures[amounts.index(max(amounts))]
        return self.figures[0]

    def reads_beside(self) -> bool:
        """Landscape: the words in a column beside the visual, which then gets the page's whole
        height. Portrait stacks them, the words below; a wall of many figures needs the page's
        width for its rows, its words in one band above them."""
        return not self.theme.portrait and not self._wall()

    def _wall(self) -> bool:
        """Whether a group of counters takes the page's width: many of them; or, in a visitor's
        larger text on a landscape screen, any two or more (beside the words, their labels
        would wrap word by word and stand taller than the screen)."""
        if self.group.chart != "counters":
            return False
        larger = self.theme.text_scale > 1 and not self.theme.portrait
        return len(self.figures) >= MANY_COUNTERS or (larger and len(self.figures) > 1)

    def _build(self) -> None:
        theme, group = self.theme, self.group
        self.body.addWidget(TextLabel(self.language, ui("figures"), "caption", tone="secondary"))
        self.title = TextLabel(self.language, group.title, "h1")
        self.body.addWidget(self.title)
        self.caption: Paragraph | None = None
        self._stage: QHBoxLayout | None = None
        if group.caption is not None:
            secondary = theme.palette.text_secondary
            self.caption = Paragraph(self.language, group.caption, theme, "body", secondary)
            self.caption.setMaximumWidth(theme.px(1400))
        self._sentences()
        visual = QVBoxLayout()
        visual.setSpacing(theme.px(32))
        self._headline(visual)
        # Cards take the height the words leave them (no empty band); a chart up to its own
        # limit, the headline with it in the middle of that height.
        spare = 0 if group.chart == "counters" else 1
        if spare:
            visual.insertStretch(0, 0)
        self._build_chart(visual)
        if spare:
            visual.addStretch(0)
        if self.reads_beside():
            self.body.addSpacing(theme.px(8))
            reading = QVBoxLayout()
            reading.setSpacing(self._reading_spacing())
            reading.addStretch(1)
            if self.hero_card is not None and not self._hero_over_chart:
                reading.addWidget(self.hero_card)
            if self.caption is not None:
                reading.addWidget(self.caption)
            reading.addWidget(self.sources)
            reading.addStretch(1)
            self._stage = stage = QHBoxLayout()
            stage.setSpacing(theme.px(72))
            # The words' column, holding the headline too, takes half: bars need less.
            crowded = self.hero_card is not None and not self._hero_over_chart
            stage.addLayout(visual, 6 if crowded else 7)
            stage.addLayout(reading, 6 if crowded else 5)
            self.body.addLayout(stage, 1)
        elif not theme.portrait:
            # A landscape wall of figures: its words in one band above it, the report's beside
            # the caption, so the rows of cards keep the height.
            band = QHBoxLayout()
            band.setSpacing(theme.px(72))
            if self.caption is not None:
                band.addWidget(self.caption, 7, Qt.AlignmentFlag.AlignTop)
            band.addWidget(self.sources, 5, Qt.AlignmentFlag.AlignTop)
            self.body.addLayout(band)
            self.body.addLayout(visual, 1)
        else:
            if self.caption is not None:
                self.body.addWidget(self.caption)
            self.body.addLayout(visual, 1)
            self.body.addWidget(self.sources)

    def _reading_spacing(self) -> int:
        """Between the words' column's parts: closer on a small screen, where it holds more."""
        return self.theme.px(16 if self.theme.compact else 24)

    def _headline(self, visual: QVBoxLayout) -> None:
        """A comparison's headline: its longest bar's figure, as large as every screen's first
        number, above the bars in portrait and at the head of the words beside them."""
        if self.group.chart not in ("bars", "proportion"):
            return
        theme = self.theme
        # In landscape its words beside it where the number leaves them room (a short number,
        # a small screen), and on a small screen over a few bars: the words' column keeps its
        # height for the caption and the report's sentences.
        hero = self.hero()
        short = max(len(format_figure(hero, lang).text) for lang in hero.label.root) <= SHORT_NUMBER
        inline = not theme.portrait and theme.text_scale == 1 and (theme.compact or short)
        self.hero_card = self._card(hero, HERO_ROLE, flat=True, inline=inline)
        self._hero_over_chart = theme.portrait or (inline and len(self.figures) <= 3)
        share_number_scale([self.hero_card])
        if self._hero_over_chart:
            visual.addWidget(self.hero_card)

    def _build_chart(self, visual: QVBoxLayout) -> None:
        # pyqtgraph loads here, on the first figures screen, never at start-up.
        from kiosk.ui import charts  # noqa: PLC0415

        kind, theme = self.group.chart, self.theme
        if kind == "counters":
            visual.addLayout(self._counters(), 1)
            return
        chart: Chart
        if kind in ("bars", "proportion"):
            self._chart_figures = list(self.figures)
            chart = charts.BarsChart(
                self.figures,
                self.language,
                theme,
                self.accent(),
                proportion=kind == "proportion",
                colours=[self.colour(f) for f in self.figures],
            )
            visual.addWidget(chart, 1)
        else:
            if kind == "share":
                self._chart_figures = [f for f in self.figures if f.share is not None]
                # The group's first figure is the screen's headline, wherever it is drawn.
                role = HERO_ROLE if self._chart_figures[:1] == [self.hero()] else SECONDARY_ROLE
                roles = [HERO_ROLE if f is self.hero() else SECONDARY_ROLE for f in self._chart_figures]
                alone = len(self._chart_figures) == len(self.figures)
                chart = charts.ShareChart(
                    self._chart_figures, self.language, theme, self.accent(), role, beside=alone, roles=roles
                )
            else:
                self._chart_figures = [f for f in self.figures if f.per is not None][:1]
                chart = charts.RateChart(self._chart_figures, self.language, theme, self.accent())
            others = [f for f in self.figures if f not in self._chart_figures]
            row = QBoxLayout(
                QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
            )
            row.setSpacing(theme.px(48))
            # The headline among the cards gets the room its number needs beside the chart.
            headline = self.hero() in others and not theme.portrait
            if others:
                # The cards at their own height, level with the middle of the chart beside them.
                column = QVBoxLayout()
                column.addStretch(1)
                column.addLayout(self._cards(others))
                column.addStretch(1)
                row.addLayout(column, 0 if theme.portrait else 3 if headline else 1)
            row.addWidget(chart, 2 if headline else 1)
            visual.addLayout(row, 1)
        chart.figure_tapped.connect(self.open_figure_detail)
        self.chart = chart

    def _columns(self, count: int, width: int) -> int:
        """How many cards across `width`: as many as keep every label's longest word whole (a
        label wraps between words, never inside one), at most three, fewer for few cards."""
        most = min(3, count)
        return next((columns for columns in range(most, 1, -1) if self._labels_fit(columns, width)), 1)

    def _labels_fit(self, columns: int, width: int) -> bool:
        """Whether every figure's longest word fits a card of `columns` across `width`."""
        theme = self.theme
        text = (width - (columns - 1) * theme.gutter) / columns - 2 * theme.px(24)
        metrics = QFontMetricsF(theme.font("label"))
        words = (word for f in self.figures for label in f.label.root.values() for word in label.split())
        return max((metrics.horizontalAdvance(word) for word in words), default=0.0) <= text

    def _card(self, figure: Figure, role: str, flat: bool = False, inline: bool = False) -> FigureCard:
        card = FigureCard(
            self.language,
            figure,
            self.theme,
            self.colour(figure),
            role,
            flat=flat,
            centred=not inline,
            inline=inline,
        )
        # On a small screen the headline may shrink a little rather than crowd out the words.
        card.number.whole = role == HERO_ROLE and not self.theme.compact
        card.tapped.connect(self.open_figure_detail)
        self.figure_cards.append(card)
        return card

    def _counters(self) -> QLayout:
        """One screen of counters, or for a large group one per step, only the current shown
        (a hidden screen takes no room)."""
        steps = figure_steps(self.group, self.theme.figures_per_step)
        if len(steps) == 1:
            return self._counters_screen(self.figures)
        self._steps_column = column = QVBoxLayout()
        column.setSpacing(0)
        for ids in steps:
            before = len(self.figure_cards)
            # Only the shown step takes the height (an empty grid would keep its share of it).
            column.addLayout(
                self._counters_screen([self.content.figure(i) for i in ids]), 0 if self._step_screens else 1
            )
            cards = self.figure_cards[before:]
            if self._step_screens:  # hidden before it has a parent: shown, it would be a window
                for card in cards:
                    card.hide()
            self._step_screens.append(cards)
        return column

    def step_count(self) -> int:
        return max(1, len(self._step_screens))

    def step_index(self) -> int:
        return self._step

    def set_step(self, index: int) -> None:
        index = max(0, min(index, self.step_count() - 1))
        if index != self._step and self._step_screens:
            # Hidden cards take no room: only the step's own grid is laid out.
            for card in self._step_screens[self._step]:
                card.hide()
            for card in self._step_screens[index]:
                card.show()
            self._steps_column.setStretch(self._step, 0)
            self._steps_column.setStretch(index, 1)
            self._step = index
            self.steps_changed.emit()

    def _counters_screen(self, figures: list[Figure]) -> QGridLayout:
        """The group's first figure as the screen's one large number, on a tile of the visual's
        whole height (landscape) or width (portrait); the others beside or under it, each a
        size smaller, filling the rest. Many figures become rows of a list."""
        theme = self.theme
        hero, rest = figures[0], figures[1:]
        grid = QGridLayout()
        grid.setSpacing(theme.gutter)
        page = theme.px(1080 if theme.portrait else 1920) - 2 * theme.margin
        many = self._wall()
        # Many on a small screen, in larger text or in more than two rows of tiles: a list, the
        # hero at its head, its words beside it like the rest; else tiles.
        inline = many and (theme.compact or theme.text_scale > 1)
        if many and not inline:
            rest_width = page if theme.portrait else round((page - theme.gutter) * 0.72)
            inline = -(-len(rest) // self._columns(len(rest), rest_width)) > (3 if theme.portrait else 2)
        hero_card = self._card(hero, HERO_ROLE, inline=inline)
        if not inline:
            hero_card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        cards = [self._card(figure, SECONDARY_ROLE, inline=inline) for figure in rest]
        share_number_scale(cards)
        share_number_scale([hero_card])
        if theme.portrait or inline:
            self._hero_over_rest(grid, hero_card, cards, page)
        elif not many and len(rest) > 2 and (theme.compact or theme.text_scale > 1):
            self._two_by_two(grid, [hero_card, *cards], round(page * 7 / 12))
        else:
            self._hero_beside_rest(grid, hero_card, cards, page if many else round(page * 7 / 12))
        return grid

    def _hero_over_rest(
        self, grid: QGridLayout, hero: FigureCard, cards: list[FigureCard], page: int
    ) -> None:
        """The hero across the top, the others under it in two columns (one where a card's
        number and longest word need the width)."""
        theme = self.theme
        columns = 1 if len(cards) <= 1 else 2
        if hero.inline:
            grid.setSpacing(theme.target_gap())  # rows are touch targets
            if max(card.least_width() for card in cards) > (page - theme.gutter) / 2:
                columns = 1
        rows = -(-len(cards) // columns)
        grid.addWidget(hero, 0, 0, 1, columns)
        grid.setRowStretch(0, max(1, rows))
        for index, card in enumerate(cards):
            row, column = divmod(index, columns)
            # An odd one out at the end spans the row: no lone half-width card.
            span = columns if index == len(cards) - 1 and column == 0 else 1
            grid.addWidget(card, 1 + row, column, 1, span)
            grid.setRowStretch(1 + row, 1)
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def _two_by_two(self, grid: QGridLayout, cards: list[FigureCard], width: int) -> None:
        """Too many to stand one under another on a small screen: two by two, the hero first
        (across the first row when that leaves no card alone at the end)."""
        columns = 2 if self._labels_fit(2, width) else 1
        span_first = columns > 1 and len(cards) % columns == 1
        for index, card in enumerate(cards):
            if span_first and index == 0:
                grid.addWidget(card, 0, 0, 1, columns)
                continue
            row, column = divmod(index + (columns - 1 if span_first else 0), columns)
            grid.addWidget(card, row, column)
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def _hero_beside_rest(
        self, grid: QGridLayout, hero: FigureCard, cards: list[FigureCard], width: int
    ) -> None:
        """The hero a tile of the whole height on the leading side, the others beside it."""
        theme = self.theme
        many = self._wall()
        rest_width = round((width - theme.gutter) * (0.72 if many else 0.56))
        columns = self._columns(len(cards), rest_width) if many else 1
        rows = max(1, -(-len(cards) // columns))
        grid.addWidget(hero, 0, 0, rows, 1)
        for index, card in enumerate(cards):
            row, column = divmod(index, columns)
            grid.addWidget(card, row, 1 + column)
        for row in range(rows):
            grid.setRowStretch(row, 1)
        if not cards:  # one figure: its tile is the whole visual
            return
        grid.setColumnStretch(0, round(100 * (1 - rest_width / width)))
        for column in range(columns):
            grid.setColumnStretch(1 + column, round(100 * rest_width / width / columns))

    def _cards(self, figures: list[Figure]) -> QVBoxLayout:
        """Figures beside a chart, one under the other: the headline's size for the group's
        first, the others' for the rest."""
        column = QVBoxLayout()
        column.setSpacing(self.theme.gutter)
        cards = [self._card(f, HERO_ROLE if f is self.hero() else SECONDARY_ROLE) for f in figures]
        for card in cards:
            column.addWidget(card)
        share_number_scale([c for c in cards if c.number.role != HERO_ROLE])
        return column

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

    def _sentences(self) -> None:
        """The report's own sentences behind these figures, each once; where the page cannot
        hold them (a small screen), behind a button: open, they may scroll, as the visitor chose."""
        theme = self.theme
        self.sources = frame = QFrame()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, theme.px(12), 0, 0)
        layout.setSpacing(theme.px(10))
        # In the frame's own layout, not a box of their own: a new language's line count then
        # reaches the page in the same pass.
        self.sentences: list[QWidget] = [
            TextLabel(self.language, ui("from-report"), "label", tone="secondary")
        ]
        # Sources are captions (the brief's 24 px), except where a tall screen has room to spare.
        role = "body" if theme.portrait else "caption"
        for figure in self._distinct_sentences():
            sentence = Paragraph(self.language, figure.sentence, theme, role, theme.palette.text_secondary)
            sentence.setMaximumWidth(theme.px(1500))
            self.sentences.append(sentence)
        for widget in self.sentences:
            layout.addWidget(widget)
        self.sources_button = TouchButton(
            self.language, theme, ui("from-report"), icon_path("chevron-right"), colour=self.accent()
        )
        self.sources_button.setObjectName("sources-button")
        self.sources_button.hide()
        self.sources_button.clicked.connect(self._on_sources_button_clicked)
        layout.addWidget(self.sources_button, 0, Qt.AlignmentFlag.AlignLeading)
        self._sources_opened = False
        self._caption_folded = False  # the caption behind the button too (`_show_sources`)
        self._fit_pending = False
        # Set while the sentences are shown or hidden: the height that changes then is this
        # choice's own, and measuring again inside it could flip it back and forth for ever.
        self._fitting = False
        self.scroll_area.content_height_changed.connect(self._on_content_height_changed)

    def sources_shown(self) -> bool:
        return not self.sentences[0].isHidden()

    def caption_shown(self) -> bool:
        return self.caption is not None and not self._caption_folded

    def _show_sources(self, shown: bool, caption: bool = True) -> None:
        """The report's sentences `shown`, else the button that opens them; the group's caption
        too, unless it alone leaves no room (`caption` False): then the button opens both."""
        for widget in self.sentences:
            widget.setVisible(shown)
        folded = not (shown or caption)
        if self.caption is not None and folded != self._caption_folded:
            self._caption_folded = folded
            self.caption.setHidden(folded)
        self.sources_button.setVisible(not shown)

    def _on_content_height_changed(self, height: int) -> None:
        if not self._fitting:
            self._fit_sources_soon()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sources_soon()

    def _fit_sources_soon(self) -> None:
        """Now, and again once this turn's layouts have given every column its new width."""
        self._fit_sources()
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_sources_later)

    def _fit_sources_later(self) -> None:
        self._fit_pending = False
        self._fit_sources()

    def _fit_sources(self) -> None:
        """Sentences shown when the page holds them with everything else, else the button; the
        caption too where the page holds it beside the button, else behind the button as well.

        Measured as if the words were shown in either state, so hiding them never makes them
        fit (and show again): the choice holds until the page's size changes."""
        if self._sources_opened:
            return
        viewport, width = self.scroll_area.viewport(), self.sources.width()
        if viewport.height() <= 0 or width <= 0:
            return
        caption = self.caption
        spacing = self._reading_spacing() if self._stage is not None else self.body.spacing()
        if caption is None:
            caption_height = 0
        else:
            caption_width = width if self._stage is not None else max(caption.width(), 1)
            caption_height = caption.heightForWidth(caption_width) + spacing
        # What the sentences add over the button, and the caption over nothing.
        sentences = self._sources_height(width) - self.theme.px(12) - self.sources_button.sizeHint().height()
        if self._stage is not None:
            # Beside the visual: the words' column against the height under the title.
            room = viewport.height() - self._stage.geometry().top() - self.body.contentsMargins().bottom()
            needed = self._sources_height(width) + caption_height
            if self.hero_card is not None and not self._hero_over_chart:
                hero = self.hero_card
                needed += max(hero.heightForWidth(width), hero.sizeHint().height()) + self._reading_spacing()
        else:
            # Below or above it: the page's height with the words in place of the button.
            room = viewport.height()
            body_width = viewport.width()
            needed = self.body.totalHeightForWidth(body_width) if self.body.hasHeightForWidth() else -1
            needed = max(needed, self.body.totalMinimumSize().height())
            if not self.sources_shown():
                needed += sentences
            if not self.caption_shown():
                needed += caption_height
        # A visitor's larger text on a screen larger than a small panel: the sentences stay in
        # the page, which may scroll there (the layout check's allowance for figures names it).
        fits = needed <= room or (self.theme.text_scale > 1 and not self.theme.compact)
        # The caption folds only once the sentences have (a pass later): the first pass of a
        # page not yet laid out finds no room for anything, and unfolds the sentences only.
        caption_fits = fits or needed - sentences <= room or self.sources_shown()
        if (fits, caption_fits) != (self.sources_shown(), self.caption_shown() or caption is None) and (
            not self._fitting
        ):
            self._fitting = True
            try:
                self._show_sources(fits, caption_fits)
                self.scroll_area.fit_body()  # laid out at once: the page is never seen half-changed
            finally:
                self._fitting = False
            # Measured again once laid out: the caption may fold a pass after the sentences.
            if not self._fit_pending:
                self._fit_pending = True
                QTimer.singleShot(0, self, self._fit_sources_later)

    def _sources_height(self, width: int) -> int:
        """The height of the sources with their sentences shown, at `width`."""
        heights = [
            w.heightForWidth(width) if w.hasHeightForWidth() else w.sizeHint().height()
            for w in self.sentences
        ]
        return self.theme.px(12) + sum(heights) + self.theme.px(10) * (len(heights) - 1)

    def _on_sources_button_clicked(self) -> None:
        self._sources_opened = True
        self._show_sources(True)
        # Once laid out again, the opened sentences are scrolled into view, clear of the fade.
        QTimer.singleShot(0, self, self._scroll_to_sources)

    def _scroll_to_sources(self) -> None:
        self.scroll_area.ensureWidgetVisible(self.sentences[-1], 0, self.theme.px(96))

    def reset(self) -> None:
        super().reset()
        self._sources_opened = False
        self._fit_sources()
