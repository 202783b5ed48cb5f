"""Home: the conference, the Zhongguancun Initiative and its calls, the five visions, the entries.

Designed to fit, never to scroll: at the design's text size on one screen; on a small landscape
panel or with a visitor's larger text in steps (`Theme.home_steps`), which the navigation bar's
dots and a swipe move between.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.pages import page_steps
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
        self._step = 0
        self._build()

    def _build(self) -> None:
        home, theme, language = self.content.home, self.theme, self.language
        self.kicker = TextLabel(language, home.kicker, "caption", tone="secondary")
        # The visitor's settings are in the navigation bar at the bottom, within a wheelchair
        # user's reach: the title keeps the page's whole width. With larger text on a small
        # panel it shares its step with the visions: h1, not display.
        small = theme.compact and theme.text_scale > 1
        self.title = TextLabel(
            language, home.title, "h1" if small else "display", fit_floor_px=theme.font_px("h1")
        )
        self.context = self._context()
        self.calls = self._calls_panel()
        self.vision_grid = self._vision_tiles()
        self.entry_grid = self._entries()
        header = QVBoxLayout()
        header.setSpacing(theme.px(6))
        header.addWidget(self.kicker)
        header.addWidget(self.title)
        self.body.addLayout(header)
        if theme.home_steps > 3:
            # Each on a step of its own: the initiative's context, then its calls.
            self.body.addWidget(self.context)
            self.body.addWidget(self.calls)
        else:
            # The initiative's full name and context beside its calls: one band, not two.
            self.initiative = QWidget()
            intro = QBoxLayout(
                QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight,
                self.initiative,
            )
            intro.setContentsMargins(0, 0, 0, 0)
            intro.setSpacing(theme.px(40))
            intro.addWidget(self.context, 1)
            intro.addWidget(self.calls, 1)
            # Its height follows its width (its words wrap). Left to Qt, its least height is
            # what its words need at their narrowest, which the page's body then kept as its own
            # least height: at 3840x2160 that made the page taller than the screen.
            self.initiative.setMinimumHeight(1)
            self.body.addWidget(self.initiative)
        self.body.addWidget(self.vision_grid)
        self.body.addWidget(self.entry_grid)
        # Room above and below a step of text alone: it stands in the middle of the screen.
        self.body.insertStretch(0, 0)
        self.body.addStretch(0)
        self.set_step(self._step)

    # ---- steps ----------------------------------------------------------------------------

    def _steps(self) -> list[tuple[QWidget, ...]]:
        """What each step shows, in the page's order."""
        conference, title, visions, entries = self.kicker, self.title, self.vision_grid, self.entry_grid
        count = self.step_count()
        if count == 1:
            return [(conference, title, self.initiative, visions, entries)]
        if count == 2:
            # The conference heads both: there is room for it above the visions too.
            return [(conference, title, visions, entries), (conference, title, self.initiative)]
        if self.theme.home_steps == 3:
            steps = [(title, visions), (entries,), (conference, self.initiative)]
        else:
            steps = [(title, visions), (entries,), (conference, self.context), (self.calls,)]
        return steps if self.entry_cards else [step for step in steps if step != (entries,)]

    def step_count(self) -> int:
        return page_steps(self.content, self.ref, self.theme.step_room)

    def step_index(self) -> int:
        return self._step

    def set_step(self, index: int) -> None:
        steps = self._steps()
        self._step = max(0, min(index, len(steps) - 1))
        shown = steps[self._step]
        headings = (self.kicker, self.title)
        # The visions take a step's spare height, else the entries; a step of text alone
        # stands in the middle of the screen.
        stretching = next((part for part in (self.vision_grid, self.entry_grid) if part in shown), None)
        centred = stretching is None
        parts = {part for step in steps for part in step}
        for part in parts:
            part.setVisible(part in shown)
            if part not in headings:
                self.body.setStretchFactor(part, 1 if part is stretching and not centred else 0)
        self.body.setStretch(0, 1 if centred else 0)
        self.body.setStretch(self.body.count() - 1, 1 if centred else 0)

    # ---- the parts ------------------------------------------------------------------------

    def _context(self) -> QWidget:
        """The initiative's full name and where it was first released."""
        home, theme, language = self.content.home, self.theme, self.language
        block = QWidget()
        context = QVBoxLayout(block)
        context.setContentsMargins(0, 0, 0, 0)
        context.setSpacing(theme.px(12))
        context.addWidget(TextLabel(language, home.subtitle, "lead", tone="secondary"))
        paragraph = Paragraph(language, home.context, theme, "body", line_height=1.3)
        paragraph.setMaximumWidth(theme.px(1100))
        context.addWidget(paragraph)
        context.addStretch(1)
        return block

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
        for index, call in enumerate(home.calls):
            number = QLabel(f"{index + 1:02d}")
            number.setTextFormat(Qt.TextFormat.PlainText)
            number.setProperty("role", "label")
            number.setStyleSheet(f"color: {theme.palette.accent};")
            grid.addWidget(number, index, 0, Qt.AlignmentFlag.AlignTop)
            # No alignment on a wrapping label: an aligned item reports no height for its width.
            grid.addWidget(TextLabel(self.language, call, "body"), index, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
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
        return ReflowGrid(
            self.language,
            self.vision_tiles,
            lambda: max((tile.least_width() for tile in self.vision_tiles), default=0),
            theme.gutter,
            2 if theme.portrait else len(visions),
        )

    def _entries(self) -> ReflowGrid:
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
        for target, card in entries:
            card.setObjectName(f"entry-{target.replace('/', '-')}")
            card.clicked.connect(lambda _=False, t=target: self.navigate_requested.emit(t))
            self.entry_cards.append(card)
        # As many in a row as leave each card room for its title's words: with larger text,
        # two rows of two rather than four narrow cards of broken words. On a step of their
        # own (larger text) the cards are large: two a row.
        own_step = theme.home_steps > 2
        grid = ReflowGrid(
            self.language,
            self.entry_cards,
            lambda: max((card.least_width() for card in self.entry_cards), default=0),
            theme.gutter,
            2 if theme.portrait or own_step else max(1, len(entries)),
        )
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        grid.setSizePolicy(policy)  # its own height: the tiles take what is left
        return grid
