"""Home: the conference, the Zhongguancun Initiative and its calls, the five visions, the entries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from kiosk.system.resources import icon_path
from kiosk.ui.language import ui
from kiosk.ui.pages.base import Page
from kiosk.ui.vision_colours import colour_of, neutral
from kiosk.ui.widgets.buttons import ColourTile, EntryCard
from kiosk.ui.widgets.reflow import ReflowGrid
from kiosk.ui.widgets.text import Paragraph, TextLabel


class HomePage(Page):
    def build(self) -> None:
        self.vision_tiles: list[ColourTile] = []
        self.entry_cards: list[EntryCard] = []
        self._build()

    def _build(self) -> None:
        home, theme, language = self.content.home, self.theme, self.language
        header = QVBoxLayout()
        header.setSpacing(theme.px(6))
        kicker = QHBoxLayout()
        kicker.addWidget(TextLabel(language, home.kicker, "caption", tone="secondary"), 1)
        header.addLayout(kicker)
        # The visitor's settings are in the navigation bar at the bottom, within a wheelchair
        # user's reach: the title keeps the page's whole width.
        self.title = TextLabel(language, home.title, "display", fit_floor_px=theme.font_px("h1"))
        header.addWidget(self.title)
        self.body.addLayout(header)
        # The initiative's full name heads its context, beside the calls: one band, not three.
        context = QVBoxLayout()
        context.setSpacing(theme.px(12))
        context.addWidget(TextLabel(language, home.subtitle, "lead", tone="secondary"))
        paragraph = Paragraph(language, home.context, theme, "body", line_height=1.3)
        paragraph.setMaximumWidth(theme.px(1100))
        context.addWidget(paragraph)
        context.addStretch(1)
        intro = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        intro.setSpacing(theme.px(40))
        intro.addLayout(context, 1)
        intro.addWidget(self._calls_panel(), 1)
        # On a small landscape panel the visions and entries come first, above the fold;
        # the initiative's context and calls follow (the page scrolls by dragging).
        if theme.compact and not theme.portrait:
            self.body.addWidget(self._vision_tiles(), 1)
            self.body.addLayout(self._entries(), 0)
            self.body.addLayout(intro)
        else:
            self.body.addLayout(intro)
            self.body.addWidget(self._vision_tiles(), 1)
            self.body.addLayout(self._entries(), 0)

    def _calls_panel(self) -> QFrame:
        home, theme = self.content.home, self.theme
        panel = QFrame()
        panel.setObjectName("panel")
        layout = QVBoxLayout(panel)
        pad = theme.px(20)
        layout.setContentsMargins(pad + theme.px(8), pad, pad, pad)
        layout.setSpacing(theme.px(8))
        layout.addWidget(TextLabel(self.language, home.calls_intro, "label", tone="secondary"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.gutter)
        grid.setVerticalSpacing(theme.px(4))
        columns = 1
        for index, call in enumerate(home.calls):
            row, column = divmod(index, columns)
            number = QLabel(f"{index + 1:02d}")
            number.setTextFormat(Qt.TextFormat.PlainText)
            number.setProperty("role", "label")
            number.setStyleSheet(f"color: {theme.palette.accent};")
            grid.addWidget(number, row, column * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(TextLabel(self.language, call, "body"), row, column * 2 + 1)
            grid.setColumnStretch(column * 2 + 1, 1)
        layout.addLayout(grid)
        return panel

    def _vision_tiles(self) -> ReflowGrid:
        visions, theme = self.content.visions, self.theme
        for vision in visions:
            tile = ColourTile(self.language, theme, vision.name, vision.color, self.loaded.asset(vision.icon))
            tile.setObjectName(f"vision-tile-{vision.id}")
            tile.clicked.connect(lambda _=False, v=vision.id: self.navigate_requested.emit(f"vision/{v}"))
            tile.share_name_size_with(self.vision_tiles)
            self.vision_tiles.append(tile)
        # Landscape: all in one row where the names fit; portrait: two a row (five wide, low
        # tiles would take the height the entries need).
        self.vision_grid = ReflowGrid(
            self.language,
            self.vision_tiles,
            lambda: max(tile.least_width() for tile in self.vision_tiles),
            theme.gutter,
            2 if theme.portrait else len(visions),
        )
        return self.vision_grid

    def _entries(self) -> QGridLayout:
        theme, content = self.theme, self.content
        entries: list[tuple[str, EntryCard]] = []
        for tour in content.tours:
            card = EntryCard(
                self.language,
                theme,
                tour.short_title or tour.title,
                ui("tour-hint", n=len(tour.stops)),
                colour_of(content, tour, theme),
                self.loaded.asset(tour.icon),
                compact=True,
            )
            entries.append((f"tour/{tour.id}", card))
        if content.figure_groups:
            card = EntryCard(
                self.language,
                theme,
                ui("figures"),
                ui("figures-hint", n=len(content.figure_groups)),
                neutral(theme),  # the figures of every vision
                icon_path("figures"),
                compact=True,
            )
            entries.append((f"figures/{content.figure_groups[0].id}", card))
        if content.voices:
            card = EntryCard(
                self.language,
                theme,
                ui("voices"),
                ui("voices-hint"),
                neutral(theme),  # speakers of every vision
                icon_path("voices"),
                compact=True,
            )
            entries.append(("voices", card))
        grid = QGridLayout()
        grid.setSpacing(theme.gutter)
        columns = 2 if theme.portrait else max(1, len(entries))
        for index, (target, card) in enumerate(entries):
            card.setObjectName(f"entry-{target.replace('/', '-')}")
            card.clicked.connect(lambda _=False, t=target: self.navigate_requested.emit(t))
            self.entry_cards.append(card)
            row, column = divmod(index, columns)
            grid.addWidget(card, row, column)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        return grid
