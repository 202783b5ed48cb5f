"""A vision of the initiative: a hero band in its colour, the paragraph, its key figures.

Designed for a paragraph and a few figures side by side. A curator may write a long text or
give a vision many figures: where that does not fit the screen, the page takes its compact
form (`VisionBody`): the name and headline on one line, the paragraph across the page in
columns, and the figures in a row below, a page of them at a time, with dots and arrows to
tap through them (as a tour's stops). A paragraph too long for that goes on in parts, cut at
sentence ends, turned by a "Read on" button beside it (`ReadOnBar`, as a tour's long stop).
Every figure and every sentence stays a tap away, and nothing scrolls.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent, QTextOption
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content import LocalText
from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, resolve, ui
from kiosk.ui.pages.base import Page
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.dots import PositionDots
from kiosk.ui.widgets.figure_card import FigureCard, share_number_scale
from kiosk.ui.widgets.icons import icon_pixmap
from kiosk.ui.widgets.read_on import ReadOnBar
from kiosk.ui.widgets.reflow import BalancedColumns, ReflowGrid
from kiosk.ui.widgets.text import Paragraph, TextLabel, hyphenated, sentence_ends, wrapped_lines


def balanced_split(text: str, parts: int, lines_of: Callable[[str], int]) -> tuple[str, ...]:
    """`text` in `parts` cut at sentence ends, where the longest part (in `lines_of` it) is the
    shortest it can be: columns that end as near level as the sentences allow."""
    ends = sentence_ends(text)
    bounds = [0, *ends, len(text)]
    units = len(bounds) - 1
    if units <= parts:
        pieces = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
        return tuple(pieces + [""] * (parts - len(pieces)))
    lines = functools.cache(lambda a, b: lines_of(text[bounds[a] : bounds[b]].strip()))
    # best[k][j]: the least longest part, the first j sentences in k parts; cut[k][j]: its last cut.
    best = [[math.inf] * (units + 1) for _ in range(parts + 1)]
    cut = [[0] * (units + 1) for _ in range(parts + 1)]
    best[0][0] = 0
    for k in range(1, parts + 1):
        for j in range(k, units + 1):
            for i in range(k - 1, j):
                longest = max(best[k - 1][i], lines(i, j))
                if longest < best[k][j]:
                    best[k][j], cut[k][j] = longest, i
    cuts = [units]
    for k in range(parts, 0, -1):
        cuts.append(cut[k][cuts[-1]])
    cuts.reverse()
    return tuple(text[bounds[a] : bounds[b]].strip() for a, b in itertools.pairwise(cuts))


class VisionPage(Page):
    def build(self) -> None:
        ref = self.ref
        self.vision = next(v for v in self.content.visions if v.id == ref.key)
        self.figure_cards: list[FigureCard] = []
        self.compact_cards: list[FigureCard] = []
        self.vision_body: VisionBody | None = None
        self._build()
        if self.figure_cards:
            self.use_entrance(len(self.figure_cards))

    def shown_cards(self) -> list[FigureCard]:
        """The figure cards of the form on screen (the designed one, or the compact one)."""
        if self.vision_body is not None and self.vision_body.compact:
            return self.compact_cards
        return self.figure_cards

    def accent(self) -> str:
        return self.vision.color

    def _build(self) -> None:
        theme, vision = self.theme, self.vision
        text = Paragraph(self.language, vision.text, theme, "lead" if not theme.compact else "body")
        text.setMaximumWidth(theme.px(1000))
        if not vision.figures:
            self.body.addWidget(self._hero())
            self.body.addWidget(text)
            self.body.addStretch(1)
            return
        designed = QWidget()
        column = QVBoxLayout(designed)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.body.spacing())
        column.addWidget(self._hero())
        figures = self._figures()
        if theme.portrait:
            column.addWidget(text)
            column.addWidget(figures, 1)
        else:
            # Side by side: the figures take the height under the hero (no empty half under two
            # cards), and the width is split where both the paragraph and the figures fit.
            column.addWidget(BalancedColumns(text, figures, theme.px(48)), 1)
        # The compact form is for the design's text size: with a visitor's larger text the
        # designed page scrolls, as every page may.
        compact = self._compact_form() if theme.text_scale == 1 else None
        self.vision_body = VisionBody(self.language, designed, compact, self._room, self._page_text)
        self.body.addWidget(self.vision_body, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.vision_body is not None:
            # The room on screen changed, not the body's own size: the form is chosen again.
            self.vision_body.refit()

    def _room(self) -> int:
        """The height the page's body has on screen, inside its margins."""
        margins = self.body.contentsMargins()
        return self.scroll_area.viewport().height() - margins.top() - margins.bottom()

    def _compact_form(self) -> QWidget:
        """The hero on one line, the paragraph in columns across the page (one in portrait),
        the figures a row at a time below it."""
        theme, vision = self.theme, self.vision
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.px(16))  # the gutter's two thirds: the parts sit closer
        # A portrait screen has the height for the hero's two lines; a landscape one not.
        column.addWidget(self._hero(one_line=not theme.portrait))
        self.column_text = ColumnText(self.language, vision.text, theme)
        # A paragraph too long for the room goes on in further parts, as a tour's long stop;
        # the button that turns them beside the text's end (the height is the figures').
        self.text_parts = ReadOnBar(self.language, theme, vision.color, beside=True)
        self.text_parts.turned.connect(self._on_text_parts_turned)
        self.text_parts.hide()
        self._text_row = text_row = QHBoxLayout()
        text_row.setSpacing(theme.px(48))
        text_row.addWidget(self.column_text, 1)
        text_row.addWidget(self.text_parts, 0)
        column.addLayout(text_row)
        for figure_id in vision.figures:
            card = FigureCard(
                self.language, self.content.figure(figure_id), theme, vision.color, role="figure-small"
            )
            card.tapped.connect(self.open_figure_detail)
            self.compact_cards.append(card)
        share_number_scale(self.compact_cards)
        self.figure_pager = FigurePager(self.language, theme, self.compact_cards, vision.color)
        column.addWidget(self.figure_pager, 1)
        return form

    def _page_text(self, pages: int) -> None:
        """The compact form's paragraph in `pages` parts, the bar that turns them under it."""
        self.column_text.set_pages(pages)
        self.text_parts.setVisible(pages > 1)
        self.text_parts.set_position(0, pages)
        # Measured again with the bar in or out: the line of the text and the form it is in.
        self._text_row.invalidate()
        form = self.column_text.parentWidget()
        if form is not None and form.layout() is not None:
            form.layout().invalidate()  # type: ignore[union-attr]

    def _on_text_parts_turned(self) -> None:
        self.column_text.turn()
        self.text_parts.set_position(self.column_text.page, self.column_text.pages)

    def _on_entrance_progressed(self) -> None:
        assert self.entrance is not None
        for cards in (self.figure_cards, self.compact_cards):
            for index, card in enumerate(cards):
                progress = self.entrance.progress(index)
                card.number.set_value(None if progress >= 1.0 else card.figure.value * progress)

    def _hero(self, one_line: bool = False) -> QFrame:
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
        pad = theme.px(16 if one_line else 32)  # one line: a slimmer band
        layout.setContentsMargins(pad + theme.px(8), pad, pad, pad)
        layout.setSpacing(theme.px(36))
        icon = QLabel()
        # The icon goes with the words beside it: it grows with a visitor's larger text.
        size = theme.text_px(72 if theme.compact or one_line else 112)
        icon.setPixmap(icon_pixmap(self.loaded.asset(vision.icon), size, ink, self.devicePixelRatioF()))
        icon.setFixedSize(size, size)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        # A long name (German compounds, larger text) shrinks to stay on one line, to h2 at least.
        title = TextLabel(self.language, vision.name, "h1", tone=tone, fit_floor_px=theme.font_px("h2"))
        if not one_line:
            self.title = title
        headline = TextLabel(self.language, vision.headline, "h2", tone=tone)
        if one_line or (theme.compact and theme.text_scale == 1):
            # A small screen keeps its height for the figures: name and headline share one
            # line, and the position dots alone say which vision of the five this is. (With
            # larger text the page may scroll: the name keeps a line of its own.)
            words = QHBoxLayout()
            words.setSpacing(theme.px(32))
            words.addWidget(title, 0, Qt.AlignmentFlag.AlignBottom)
            words.addWidget(headline, 1, Qt.AlignmentFlag.AlignBottom)
            layout.addLayout(words, 1)
            return hero
        column = QVBoxLayout()
        column.setSpacing(theme.px(4))
        index = next(i for i, v in enumerate(self.content.visions) if v.id == vision.id)
        kicker = ui("vision-of", n=index + 1, total=len(self.content.visions))
        column.addWidget(TextLabel(self.language, kicker, "caption", tone=tone))
        column.addWidget(title)
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


def _same_text(text: str, lang: str) -> str:
    """`text` in any language: a piece of a paragraph already in the language shown."""
    return text


def _needed_height(widget: QWidget, width: int) -> int:
    needed = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
    return max(needed, widget.minimumSizeHint().height())


class VisionBody(QWidget):
    """The page's `designed` form where it fits the room on screen, else its `compact` form
    where that fits, else the designed one (larger text: the page scrolls). Chosen by the room
    the screen gives (`room()`), never by the height a scroll area hands over (that follows what
    is asked for), once for each language, width and room: the choice cannot flip back and forth.
    """

    MOST_TEXT_PARTS = 3  # beyond that a visitor loses the thread: the designed page scrolls

    def __init__(
        self,
        language: LanguageState,
        designed: QWidget,
        compact: QWidget | None,
        room: Callable[[], int],
        page_text: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self._language = language
        self._designed = designed
        self._compact = compact or QWidget()  # none: never chosen (it needs more than any room)
        self._compact_given = compact is not None
        self._room = room
        self._page_text = page_text
        for form in (designed, self._compact):
            form.setParent(self)
        self._compact.hide()
        self._shown = designed
        self._chosen_for: tuple[str, int, int] | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def compact(self) -> bool:
        """Whether the compact form is the one shown."""
        return self._shown is self._compact

    def _choose(self) -> None:
        width, room = self.width(), self._room()
        key = (self._language.current, width, room)
        if key == self._chosen_for:
            return
        self._chosen_for = key
        # The designed form is measured as shown: shown again, its grids forget what they kept
        # (a form hidden through a language change heard of none of it).
        self._compact.hide()
        self._designed.hide()
        self._designed.setGeometry(self.rect())
        self._designed.show()
        self._shown = self._designed
        if not self._compact_given or room <= 0 or _needed_height(self._designed, width) <= room:
            return
        # Where the compact form's paragraph is too long for the room whole, it goes on in a
        # second part (a third, where two are too tall), the fewest parts that fit.
        parts = range(1, self.MOST_TEXT_PARTS + 1) if self._page_text is not None else range(1, 2)
        fits = False
        for pages in parts:
            if self._page_text is not None:
                self._page_text(pages)
            if _needed_height(self._compact, width) <= room:
                fits = True
                break
        if not fits and self._page_text is not None:
            self._page_text(1)
        if fits:
            self._designed.hide()
            self._shown = self._compact
            self._compact.setGeometry(self.rect())
            self._compact.show()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return _needed_height(self._shown, width)

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else 1200
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)  # its height is asked for at a width

    def refit(self) -> None:
        """Choose the form again if the room on screen changed."""
        self.updateGeometry()
        self._place()

    def _place(self) -> None:
        if self.width() <= 0 or not self.isVisible():  # a page not on screen: when shown
            return
        self._choose()
        self._shown.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._chosen_for = None  # the room may have changed while the page was away
        self.updateGeometry()
        self._place()


class ColumnText(QWidget):
    """A paragraph in columns side by side, split at sentence ends: a long text across a wide
    page keeps lines a reader can follow, and takes a fraction of the height. Each column is
    `COLUMN_EMS` to `WIDEST_COLUMN_EMS` of its type wide (at most `MOST_COLUMNS`); of those
    counts, the one in which the text is shortest."""

    COLUMN_EMS = 18  # a newspaper's column: some 40 letters
    WIDEST_COLUMN_EMS = 34  # some 75 letters: longer lines lose the reader's eye
    MOST_COLUMNS = 3

    def __init__(self, language: LanguageState, source: LocalText, theme: th.Theme) -> None:
        super().__init__()
        self._gap = theme.px(48)
        self._least = self.COLUMN_EMS * theme.font_px("body")
        self._widest = self.WIDEST_COLUMN_EMS * theme.font_px("body")
        self._font = theme.font("body")
        self._language = language
        self._source = source
        self._columns = 1
        self._column_px = 0
        self._pages = 1
        self._page = 0
        self._splits: dict[tuple[str, str, int, int, int], tuple[str, ...]] = {}

        def part(index: int) -> Callable[[str], str]:
            # A paragraph beyond the columns in use holds nothing (and is hidden).
            def piece(lang: str) -> str:
                at = self._page * self._columns + index
                return (self._split(resolve(source, lang), lang) + ("",) * (at + 1))[at]

            return piece

        self._all_parts = [
            # A little less leading than the designed paragraph's, as a small screen's tour stop.
            Paragraph(language, part(index), theme, "body", line_height=1.38, parent=self)
            for index in range(self.MOST_COLUMNS)
        ]
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        for paragraph in self._all_parts[1:]:
            paragraph.hide()
        # Measures a column of another part of the text, off screen.
        self._measure = Paragraph(language, lambda lang: "", theme, "body", line_height=1.38, parent=self)
        self._measure.hide()
        # A hidden form hears of no change in its parts' heights (Qt posts a layout request only
        # to a visible parent): a new language places them again itself.
        language.changed.connect(self._on_language_changed)

    @property
    def parts(self) -> list[Paragraph]:
        return self._all_parts[: self._columns]

    @property
    def pages(self) -> int:
        """The parts the text is shown in, one at a time (1: all of it at once)."""
        return self._pages

    @property
    def page(self) -> int:
        return self._page

    def set_pages(self, pages: int) -> None:
        """Show the text in `pages` parts (its columns across them cut at sentence ends as
        level as they allow: the taller part the shortest), from the first."""
        pages = max(1, pages)
        if (pages, self._page) == (self._pages, 0):
            return
        self._pages, self._page = pages, 0
        self._column_px = 0  # split again, in as many columns as the parts hold
        self.updateGeometry()
        self._place()

    def turn(self) -> None:
        """Show the next part of the text, round from the last to the first."""
        self._page = (self._page + 1) % self._pages
        for paragraph in self._all_parts:
            paragraph.set_source(paragraph.source)
        self._place()

    def _lines_of(self, lang: str, width: int) -> Callable[[str], int]:
        """How many lines a text takes in a column `width` wide (as `Paragraph` breaks it)."""
        font, anywhere = self._font, QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere

        def lines_of(part: str) -> int:
            return len(wrapped_lines(hyphenated(part, lang, font, width), font, width, anywhere))

        return lines_of

    def _split(self, text: str, lang: str) -> tuple[str, ...]:
        """`text` in the columns in use, as level as its sentences allow at their width."""
        key = (text, lang, self._columns, self._column_px, self._pages)
        if key not in self._splits:
            lines_of = self._lines_of(lang, self._column_px)
            self._splits[key] = balanced_split(text, self._columns * self._pages, lines_of)
        return self._splits[key]

    def _column_width(self, width: int) -> int:
        column = max(1, (width - self._gap * (len(self.parts) - 1)) // len(self.parts))
        return min(column, self._widest) if self._pages > 1 else column

    def _set_columns(self, width: int) -> None:
        """The number of columns (as many as `width` holds at most) in which the text is
        shortest; the text split again where that or their width changes."""
        lang = self._language.current
        text = resolve(self._source, lang)
        most = max(1, min(self.MOST_COLUMNS, (width + self._gap) // (self._least + self._gap)))
        shortest: tuple[int, int, int] | None = None
        for columns in range(1, most + 1):
            column_px = max(1, (width - self._gap * (columns - 1)) // columns)
            if self._pages > 1:
                # In parts a long sentence may stand alone: one column, no wider than is read.
                column_px = min(column_px, self._widest)
            elif column_px > self._widest and columns < most:
                continue  # lines too long to read: more columns
            lines_of = self._lines_of(lang, column_px)
            pieces = balanced_split(text, columns * self._pages, lines_of)
            longest = max(lines_of(part) for part in pieces)
            if shortest is None or longest < shortest[0]:
                shortest = (longest, columns, column_px)
        assert shortest is not None
        _, columns, column_px = shortest
        if (columns, column_px) == (self._columns, self._column_px):
            return
        self._columns, self._column_px = columns, column_px
        for index, paragraph in enumerate(self._all_parts):
            paragraph.set_source(paragraph.source)  # the words split for the new columns
            paragraph.setVisible(index < columns)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self._set_columns(width)
        column = self._column_width(width)
        if self._pages == 1:
            return max(part.heightForWidth(column) for part in self.parts)
        # As tall as its tallest column of any part: turning the parts moves nothing below.
        lang = self._language.current
        heights = []
        for piece in self._split(resolve(self._source, lang), lang):
            self._measure.set_source(functools.partial(_same_text, piece))
            heights.append(self._measure.heightForWidth(column))
        return max(heights)

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else 1200
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # Its height is asked for at a width (a hidden form's own width is Qt's default, 640).
        return QSize(self._gap * 4, 0)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a part's words changed: its height too
            self.updateGeometry()
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.updateGeometry()
        self._place()

    def _on_language_changed(self, lang: str) -> None:
        self._column_px = 0  # another text: its columns are chosen again
        self.updateGeometry()
        self._place()

    def _place(self) -> None:
        self._set_columns(self.width())
        column = self._column_width(self.width())
        for index, part in enumerate(self.parts):
            left = index * (column + self._gap)
            x = self.width() - left - column if self.isRightToLeft() else left
            part.setGeometry(QRect(x, 0, column, part.heightForWidth(column)))


class FigurePager(QWidget):
    """Figure cards in rows across the width, as many columns as leave each card its least
    width; as many rows as the height holds. Cards beyond them are on further pages: dots show
    which page this is, and arrows at their sides turn the pages (wrapping round at the end)."""

    def __init__(
        self, language: LanguageState, theme: th.Theme, cards: Sequence[FigureCard], colour: str
    ) -> None:
        super().__init__()
        self._cards = list(cards)
        self._language = language
        self._theme = theme
        self._colour = colour
        self._gap = theme.gutter
        self._page = 0
        self._pages = 1
        for card in self._cards:
            card.setParent(self)
        self.previous_button = TouchButton(
            language, theme, None, icon_path("chevron-left"), spoken=ui("previous"), parent=self
        )
        self.next_button = TouchButton(
            language, theme, None, icon_path("chevron-right"), spoken=ui("next"), parent=self
        )
        self.dots = PositionDots(theme, self)
        self.previous_button.clicked.connect(self._on_previous_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        language.changed.connect(self._on_language_changed)

    @property
    def page(self) -> int:
        return self._page

    @property
    def pages(self) -> int:
        return self._pages

    def _columns(self, width: int) -> int:
        # A long compound in a label may break once, with a hyphen: more figures to a row.
        least = max(card.least_width(self._language.current) for card in self._cards)
        return max(1, min(len(self._cards), (width + self._gap) // (least + self._gap)))

    def _row_height(self, width: int, columns: int) -> int:
        """One height for every row of every page: turning a page moves nothing else."""
        column = max(1, (width - (columns - 1) * self._gap) // columns)
        return max(_needed_height(card, column) for card in self._cards)

    def _controls_height(self) -> int:
        return max(self.previous_button.sizeHint().height(), self.dots.sizeHint().height())

    def _arrangement(self, width: int, height: int) -> tuple[int, int, int, int]:
        """(columns, rows a page, pages, row height) at `width` x `height`."""
        columns = self._columns(width)
        row = self._row_height(width, columns)
        all_rows = math.ceil(len(self._cards) / columns)
        if all_rows * row + (all_rows - 1) * self._gap <= height or height <= 0:
            return columns, all_rows, 1, row
        room = height - self._controls_height() - self._gap
        rows = max(1, min(all_rows, (room + self._gap) // (row + self._gap)))
        return columns, rows, math.ceil(len(self._cards) / (columns * rows)), row

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The least it needs: one row, and the controls where that is not every card."""
        columns = self._columns(width)
        row = self._row_height(width, columns)
        if len(self._cards) <= columns:
            return row
        return row + self._gap + self._controls_height()

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else 1200
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)  # its height is asked for at a width

    def _place(self) -> None:
        width, height = self.width(), self.height()
        if width <= 0 or not self.isVisible():
            return
        columns, rows, self._pages, row = self._arrangement(width, height)
        self._page = min(self._page, self._pages - 1)
        per_page = columns * rows
        column = max(1, (width - (columns - 1) * self._gap) // columns)
        rtl = self.isRightToLeft()
        for index, card in enumerate(self._cards):
            page, place = divmod(index, per_page)
            if page != self._page:
                card.hide()
                continue
            line, position = divmod(place, columns)
            left = position * (column + self._gap)
            x = width - left - column if rtl else left
            card.setGeometry(QRect(x, line * (row + self._gap), column, row))
            card.show()
        paged = self._pages > 1
        for control in (self.previous_button, self.next_button, self.dots):
            control.setVisible(paged)
        if paged:
            self.dots.set_position(self._page, self._pages, self._colour)
            controls = self._controls_height()
            top = height - controls
            button = self.previous_button.sizeHint()
            dots = self.dots.sizeHint()
            gap = self._theme.px(24)
            span = 2 * button.width() + dots.width() + 2 * gap
            start = (width - span) // 2
            first, last = (
                (self.next_button, self.previous_button) if rtl else (self.previous_button, self.next_button)
            )
            first.setGeometry(QRect(start, top, button.width(), button.height()))
            self.dots.setGeometry(QRect(start + button.width() + gap, top, dots.width(), controls))
            last.setGeometry(QRect(start + span - button.width(), top, button.width(), button.height()))

    def turn(self, delta: int) -> None:
        """Show the page `delta` pages on, round from the last to the first."""
        self._page = (self._page + delta) % max(1, self._pages)
        self._place()

    def _on_previous_button_clicked(self) -> None:
        self.turn(-1)

    def _on_next_button_clicked(self) -> None:
        self.turn(1)

    def _on_language_changed(self, lang: str) -> None:
        self.updateGeometry()
        self._place()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place()
