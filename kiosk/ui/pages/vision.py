"""A vision of the initiative: a hero band in its colour, the paragraph, its key figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from kiosk.ui import theme as th
from kiosk.ui.language import ui
from kiosk.ui.pages.base import Page
from kiosk.ui.widgets.figure_card import FigureCard, share_number_scale
from kiosk.ui.widgets.icons import icon_pixmap
from kiosk.ui.widgets.reflow import BalancedColumns, ReflowGrid
from kiosk.ui.widgets.text import Paragraph, TextLabel


class VisionPage(Page):
    def build(self) -> None:
        ref = self.ref
        self.vision = next(v for v in self.content.visions if v.id == ref.key)
        self.figure_cards: list[FigureCard] = []
        self._build()
        if self.figure_cards:
            self.use_entrance(len(self.figure_cards))

    def accent(self) -> str:
        return self.vision.color

    def _build(self) -> None:
        theme, vision = self.theme, self.vision
        self.body.addWidget(self._hero())
        text = Paragraph(self.language, vision.text, theme, "lead" if not theme.compact else "body")
        text.setMaximumWidth(theme.px(1000))
        if not vision.figures:
            self.body.addWidget(text)
            self.body.addStretch(1)
            return
        figures = self._figures()
        if theme.portrait:
            self.body.addWidget(text)
            self.body.addWidget(figures, 1)
            return
        # Side by side: the figures take the height under the hero (no empty half under two
        # cards), and the width is split where both the paragraph and the figures fit.
        self.body.addWidget(BalancedColumns(text, figures, theme.px(48)), 1)

    def _on_entrance_progressed(self) -> None:
        assert self.entrance is not None
        for index, card in enumerate(self.figure_cards):
            progress = self.entrance.progress(index)
            card.number.set_value(None if progress >= 1.0 else card.figure.value * progress)

    def _hero(self) -> QFrame:
        theme, vision = self.theme, self.vision
        hero = QFrame()
        hero.setObjectName("hero")
        contrast = theme.high_contrast
        if contrast:
            # High contrast fills nothing with colour: the vision's colour is the band's outline.
            hero.setStyleSheet(
                f"#hero {{ border-radius: {theme.radius}px; background: {theme.palette.background}; "
                f"border: {theme.px(4)}px solid {vision.color}; }}"
            )
        else:
            base = th.color(vision.color)
            light, dark = base.lighter(110).name(), base.darker(125).name()
            hero.setStyleSheet(
                f"#hero {{ border-radius: {theme.radius}px; background: qlineargradient(x1:0, y1:0, "
                f"x2:1, y2:1, stop:0 {light}, stop:1 {dark}); }}"
            )
        tone = None if contrast else "dark"
        ink = theme.palette.text if contrast else theme.palette.on_colour
        layout = QHBoxLayout(hero)
        pad = theme.px(32)
        layout.setContentsMargins(pad + theme.px(8), pad, pad, pad)
        layout.setSpacing(theme.px(36))
        icon = QLabel()
        # The icon goes with the words beside it: it grows with a visitor's larger text.
        size = theme.text_px(72 if theme.compact else 112)
        icon.setPixmap(icon_pixmap(self.loaded.asset(vision.icon), size, ink, self.devicePixelRatioF()))
        icon.setFixedSize(size, size)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        # A long name (German compounds, larger text) shrinks to stay on one line, to h2 at least.
        self.title = TextLabel(self.language, vision.name, "h1", tone=tone, fit_floor_px=theme.font_px("h2"))
        headline = TextLabel(self.language, vision.headline, "h2", tone=tone)
        if theme.compact and theme.text_scale == 1:
            # A small screen keeps its height for the figures: name and headline share one
            # line, and the position dots alone say which vision of the five this is. (With
            # larger text the page may scroll: the name keeps a line of its own.)
            words = QHBoxLayout()
            words.setSpacing(theme.px(32))
            words.addWidget(self.title, 0, Qt.AlignmentFlag.AlignBottom)
            words.addWidget(headline, 1, Qt.AlignmentFlag.AlignBottom)
            layout.addLayout(words, 1)
            return hero
        column = QVBoxLayout()
        column.setSpacing(theme.px(4))
        index = next(i for i, v in enumerate(self.content.visions) if v.id == vision.id)
        kicker = ui("vision-of", n=index + 1, total=len(self.content.visions))
        column.addWidget(TextLabel(self.language, kicker, "caption", tone=tone))
        column.addWidget(self.title)
        column.addWidget(headline)
        layout.addLayout(column, 1)
        return hero

    def _figures(self) -> ReflowGrid:
        theme, figures = self.theme, self.vision.figures
        # One or two figures stand large, each on a row of its own; more share rows, two a
        # row where their numbers keep most of their size (else one a row, and the page scrolls).
        few = len(figures) <= 2
        large = few and not theme.compact
        for figure_id in figures:
            card = FigureCard(
                self.language,
                self.content.figure(figure_id),
                theme,
                self.vision.color,
                role="figure" if large else "figure-small",
                centred=True,
            )
            card.tapped.connect(self.open_figure_detail)
            self.figure_cards.append(card)
        share_number_scale(self.figure_cards)
        self.figure_grid = ReflowGrid(
            self.language,
            self.figure_cards,
            lambda: max(card.least_width() for card in self.figure_cards),
            theme.gutter,
            1 if theme.portrait or few else 2,
        )
        return self.figure_grid
