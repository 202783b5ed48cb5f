"""A guided park tour: the diagram with numbered stops, and the current stop's panel.

Visitors walk it by tapping stops, swiping, or previous / next; it can also play itself (the
attract loop and the slideshow use this), staying on each stop as long as it takes to read
(`stop_seconds`), until the first touch hands control back to the visitor.

The panel is as tall as the tallest stop. A curator's stop too long for it at the design's text
size goes on in a second part of the panel (`StopView`): the figure and quote there, and where
the text alone is too long its later sentences too; dots and a "Read on" button under it turn
between the parts. A tour's own navigation stays stop to stop, each stop opening at its text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from kiosk.content import LocalText, TourStop
from kiosk.i18n.reading import reading_seconds
from kiosk.system.resources import icon_path
from kiosk.ui.language import LanguageState, TextSource, resolve, ui
from kiosk.ui.pages.base import Page, PageScrollArea
from kiosk.ui.vision_colours import colour_of
from kiosk.ui.widgets.autoplay_button import AutoplayButton
from kiosk.ui.widgets.figure_card import FigureCard
from kiosk.ui.widgets.quote import QuoteBlock
from kiosk.ui.widgets.read_on import ReadOnBar
from kiosk.ui.widgets.text import Paragraph, TextLabel, sentence_ends
from kiosk.ui.widgets.tour_diagram import TourDiagram

# The panel's share of the page's width in landscape: narrowest and widest.
PANEL_SHARE = (0.36, 0.7)
# A stop playing by itself stays at least the tour's `autoplay_s`, at most this long.
AUTOPLAY_MAX_S = 60.0
# A look at the map and the stop's number before the reading starts.
AUTOPLAY_LOOK_S = 2.0
# The auto-play control's progress: smooth, or in whole seconds when motion is reduced.
PROGRESS_FRAME_MS = 40
PROGRESS_STEP_MS = 1000


class StopView(QWidget):
    """One stop: its title and text, then what goes with it (a figure, a quote). A stop too
    long for the panel is `split` in two parts shown one at a time (`show_part`): the title and
    the text first, the figure and quote second; where the text itself is long, it is cut at a
    sentence's end and goes on at the top of the second part, the cut that leaves the taller
    part the shortest. Each part then shows whole without scrolling."""

    def __init__(
        self,
        language: LanguageState,
        source: LocalText,
        title: QWidget,
        make_paragraph: Callable[[TextSource], Paragraph],
        extras: QWidget | None,
        spacing: int,
    ) -> None:
        super().__init__()
        self._language = language
        self._source = source
        self._split = False
        self._part = 0
        self._cut = 0  # the sentences the first part keeps; 0: the whole text
        self._cuts: dict[tuple[str, int], int] = {}
        self._above_first = 0  # what the panel shows over the first part only (its position)
        self.text_part = QWidget()
        text_layout = QVBoxLayout(self.text_part)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(spacing)
        self.title = title
        text_layout.addWidget(title)
        self.paragraph = make_paragraph(lambda lang: self._piece(lang)[0])
        text_layout.addWidget(self.paragraph)
        self.extra_part = QWidget()
        extra_layout = QVBoxLayout(self.extra_part)
        extra_layout.setContentsMargins(0, 0, 0, 0)
        extra_layout.setSpacing(spacing)
        self.rest = make_paragraph(lambda lang: self._piece(lang)[1])
        extra_layout.addWidget(self.rest)
        self.extras = extras
        # What goes with the stop opens with a little room, setting it off from the text above
        # it; where it opens the second part, nothing stands above it, nor that room.
        self._lead: QSpacerItem | None = None
        self._lead_px = 0
        if extras is not None:
            extra_layout.addWidget(extras)
            first = extras.layout().itemAt(0) if extras.layout() is not None else None  # type: ignore[union-attr]
            self._lead = first.spacerItem() if first is not None else None
            self._lead_px = self._lead.sizeHint().height() if self._lead is not None else 0
        # Measures a piece of the text as the paragraphs show it, off screen.
        self._measure = make_paragraph(lambda lang: "")
        self._measure.setParent(self)
        self._measure.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addWidget(self.text_part)
        layout.addWidget(self.extra_part)
        layout.addStretch(1)
        language.changed.connect(self._on_language_changed)

    def _sentences(self, lang: str) -> tuple[str, list[int]]:
        text = resolve(self._source, lang)
        return text, sentence_ends(text)

    def _piece(self, lang: str, cut: int | None = None) -> tuple[str, str]:
        """The text's first part and the rest, the first `cut` sentences kept (0: all)."""
        cut = self._cut if cut is None else cut
        text, ends = self._sentences(lang)
        if cut <= 0 or cut > len(ends):
            return text, ""
        return text[: ends[cut - 1]].strip(), text[ends[cut - 1] :].strip()

    @property
    def split(self) -> bool:
        return self._split

    @property
    def parts(self) -> int:
        return 2 if self._split else 1

    @property
    def part(self) -> int:
        return self._part

    def can_split(self) -> bool:
        return self.extras is not None or bool(self._sentences(self._language.current)[1])

    def set_split(self, split: bool) -> None:
        split = split and self.can_split()
        if split != self._split:
            self._split = split
            self._set_cut(self._best_cut(self.width()) if split and self.width() > 0 else 0)
            self.show_part(0)

    def show_part(self, part: int) -> None:
        self._part = max(0, min(part, self.parts - 1))
        self.text_part.setVisible(not self._split or self._part == 0)
        self.extra_part.setVisible(self._shows_extra() and (not self._split or self._part == 1))
        rest = bool(self._piece(self._language.current)[1])
        self.rest.setVisible(rest)
        self._set_lead(not self._split or rest)
        self._measure.hide()
        self.forget_heights()

    def _shows_extra(self) -> bool:
        return self.extras is not None or bool(self._piece(self._language.current)[1])

    def _set_cut(self, cut: int) -> None:
        if cut != self._cut:
            self._cut = cut
            self.paragraph.set_source(self.paragraph.source)
            self.rest.set_source(self.rest.source)
            self.show_part(self._part)

    @property
    def above_first(self) -> int:
        return self._above_first

    def set_above_first(self, height: int) -> None:
        """The height of what stands over the stop's first part (or the whole stop) and not
        over its second: counted with the first part where the cut is chosen."""
        if height != self._above_first:
            self._above_first = height
            self._cuts.clear()

    def _set_lead(self, shown: bool) -> None:
        if self._lead is None or self.extras is None:
            return
        height = self._lead_px if shown else 0
        if self._lead.sizeHint().height() != height:
            self._lead.changeSize(0, height, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self.extras.layout().invalidate()  # type: ignore[union-attr]

    def _extras_height(self, width: int, lead: bool) -> int:
        """The height of what goes with the stop, with its opening room or without it."""
        if self.extras is None:
            return 0
        shown = self._lead.sizeHint().height() if self._lead is not None else 0
        return _widget_height(self.extras, width) - shown + (self._lead_px if lead else 0)

    def _text_height(self, text: str, width: int) -> int:
        self._measure.set_source(lambda lang: text)
        return self._measure.heightForWidth(width)

    def _parts_heights(self, width: int, cut: int, split: bool = True) -> tuple[int, int]:
        """The heights of the two parts at `width`, the text cut after `cut` sentences (or
        not `split`: the text, and what goes under it)."""
        lang = self._language.current
        first, rest = self._piece(lang, cut)
        spacing = self.layout().spacing()  # type: ignore[union-attr]
        text = (
            self._above_first + _widget_height(self.title, width) + spacing + self._text_height(first, width)
        )
        extras = self._extras_height(width, not split or bool(rest))
        parts = [self._text_height(rest, width)] if rest else []
        if self.extras is not None:
            parts.append(extras)
        return text, sum(parts) + spacing * (len(parts) - 1)

    def _best_cut(self, width: int) -> int:
        """The cut (0: the text whole in the first part) whose taller part is the shortest."""
        key = (self._language.current, width)
        if key not in self._cuts:
            sentences = len(self._sentences(self._language.current)[1])
            # The whole text first: where it is as short, the text stays in one piece.
            cuts = [0, *range(sentences, 0, -1)]
            self._cuts[key] = min(cuts, key=lambda cut: max(self._parts_heights(width, cut)))
        return self._cuts[key]

    def needed_height(self, width: int, split: bool | None = None) -> int:
        """The height it needs at `width`: its whole, or its taller part where split (as it
        is, or as `split` says), with what stands over its first part (`set_above_first`)."""
        self.ensurePolished()
        self.forget_heights()  # measured as the texts read now, not as a hidden part kept them
        split = self._split if split is None else split
        if split and self.can_split():
            return max(self._parts_heights(width, self._best_cut(width)))
        text, extras = self._parts_heights(width, 0, split=False)
        if self.extras is None:
            return text
        return text + self.layout().spacing() + extras  # type: ignore[union-attr]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._split:
            self._set_cut(self._best_cut(self.width()))

    def forget_heights(self) -> None:
        """The parts' layouts forget the heights they kept, down to the figure and quote: a
        part hidden while its texts changed (another language, another cut) heard of none of it."""
        for widget in (self.extras, self.extra_part, self.text_part, self):
            layout = widget.layout() if widget is not None else None
            if layout is not None:
                layout.invalidate()

    def _on_language_changed(self, lang: str) -> None:
        self.forget_heights()  # the texts changed: each heard of it before the view
        self._cuts.clear()
        if self._split and self.width() > 0:
            self._set_cut(self._best_cut(self.width()))
        self.show_part(self._part)


def _widget_height(widget: QWidget, width: int) -> int:
    layout = widget.layout()
    if layout is not None:
        layout.activate()
        return layout.totalHeightForWidth(width)
    return widget.heightForWidth(width) if widget.hasHeightForWidth() else widget.sizeHint().height()


class StopStack(QWidget):
    """Every stop of a tour, built once, one shown at a time. The page sizes the panel for the
    tallest (`tallest_for_width`): stepping from stop to stop never moves what is around it."""

    def __init__(self, views: Sequence[StopView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = list(views)
        for view in self.views:
            view.setParent(self)
            for child in view.findChildren(QWidget):
                child.show()  # counted by the view's layout while the view itself is hidden
            view.show_part(0)
            view.hide()
            view.installEventFilter(self)
        self._current = -1
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched in self.views:
            # A stop's texts changed (another language): the tallest may be another now.
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def set_current(self, index: int) -> None:
        if index == self._current:
            return
        for at, view in enumerate(self.views):
            view.setGeometry(self.rect())
            if at == index:
                view.forget_heights()  # its texts may have changed while it was hidden
            view.setVisible(at == index)
        self._current = index
        self.updateGeometry()

    def current_view(self) -> StopView:
        return self.views[self._current]

    def hasHeightForWidth(self) -> bool:
        return True

    def tallest_for_width(self, width: int) -> int:
        """The height of the tallest stop at `width`: what the panel is sized for."""
        return max(self._view_height(view, width) for view in self.views)

    def heightForWidth(self, width: int) -> int:
        # The stop shown, not the tallest: where the panel cannot show the tallest whole
        # (larger text), a short stop does not scroll on into blank space.
        if 0 <= self._current < len(self.views):
            return self._view_height(self.views[self._current], width)
        return self.tallest_for_width(width)

    @staticmethod
    def _view_height(view: StopView, width: int) -> int:
        # What stands over the first part is the panel's, laid out over the stack; over the
        # second part it is not shown, and the part may take its room.
        return view.needed_height(width) - (view.above_first if view.part == 0 else 0)

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else 600
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for view in self.views:
            view.setGeometry(self.rect())


class TourPage(Page):
    def build(self) -> None:
        self.tour = next(t for t in self.content.tours if t.id == self.ref.key)
        self._index = 0
        self._autoplaying = False
        self.autoplay_timer = QTimer(self)
        self.autoplay_timer.setSingleShot(True)
        self.autoplay_timer.timeout.connect(self._on_autoplay_timer_timeout)
        self._stop_clock = QElapsedTimer()
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_STEP_MS if self.theme.reduced_motion else PROGRESS_FRAME_MS)
        self._progress_timer.timeout.connect(self._on_progress_timer_timeout)
        self._build()
        self._show_stop(animate=False)

    def kiosk_controls(self) -> list[QWidget]:
        """Auto-play is a visitor's: on a slide the presenter sets the pace."""
        return [self.play_button]

    def accent(self) -> str:
        return colour_of(self.content, self.tour, self.theme)

    def step_count(self) -> int:
        return len(self.tour.stops)

    def step_index(self) -> int:
        return self._index

    def set_step(self, index: int) -> None:
        index = max(0, min(index, len(self.tour.stops) - 1))
        if index != self._index:
            self._index = index
            self._show_stop()
            self.steps_changed.emit()

    # ---- auto-play ------------------------------------------------------------------------

    @property
    def autoplaying(self) -> bool:
        return self._autoplaying

    def stop_seconds(self, index: int) -> float:
        """How long auto-play stays on stop `index`: a look at the map and the time to read
        what the stop shows in the current language, at least the tour's `autoplay_s`."""
        stop, text = self.tour.stops[index], self.language.text
        texts = [text(stop.title), text(stop.text)]
        if stop.figure is not None:
            figure = self.content.figure(stop.figure)
            texts.append(text(figure.label))
        if stop.voice is not None:
            voice = self.content.voice(stop.voice)
            texts += [text(voice.quote), text(voice.name)]
        reading = AUTOPLAY_LOOK_S + reading_seconds(texts, self.language.current)
        return max(self.tour.autoplay_s, min(AUTOPLAY_MAX_S, reading))

    def start_autoplay(self) -> None:
        """Advance from stop to stop, each after its reading time, from the last back to the first."""
        self._autoplaying = True
        self.play_button.set_label(ui("autoplay-pause"))
        self.play_button.set_icon(icon_path("pause"))
        self._start_stop_timer()

    def stop_autoplay(self) -> None:
        self._autoplaying = False
        self.autoplay_timer.stop()
        self._progress_timer.stop()
        self.play_button.set_progress(None)
        self.play_button.set_label(ui("autoplay"))
        self.play_button.set_icon(icon_path("play"))

    def _start_stop_timer(self) -> None:
        self.autoplay_timer.start(self.theme.ms(self.stop_seconds(self._index) * 1000))
        self._stop_clock.start()
        self.play_button.set_progress(0.0)
        self._progress_timer.start()

    def _on_progress_timer_timeout(self) -> None:
        interval = max(1, self.autoplay_timer.interval())
        self.play_button.set_progress(self._stop_clock.elapsed() / interval)

    def interrupt(self, target: QWidget | None) -> None:
        if target is not self.play_button:
            self.stop_autoplay()

    def _on_autoplay_timer_timeout(self) -> None:
        following = (self._index + 1) % len(self.tour.stops)
        if following == self._index:  # a tour of one stop: its time starts again
            self._start_stop_timer()
        else:
            self.set_step(following)

    def _on_play_button_clicked(self) -> None:
        if self.autoplaying:
            self.stop_autoplay()
        else:
            self.start_autoplay()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop_autoplay()
        super().hideEvent(event)

    def reset(self) -> None:
        self.stop_autoplay()
        self.diagram.reset_view()
        super().reset()

    # ---- building -------------------------------------------------------------------------

    def _build(self) -> None:
        theme, tour = self.theme, self.tour
        titles = QVBoxLayout()
        titles.setSpacing(theme.px(4))
        self._kicker = QHBoxLayout()
        self._kicker.setSpacing(theme.gutter)
        kicker = TextLabel(self.language, ui("tour"), "caption", tone="secondary")
        self._kicker.addWidget(kicker, 1, Qt.AlignmentFlag.AlignBottom)
        titles.addLayout(self._kicker)
        self.title = TextLabel(self.language, tour.title, "h2")
        titles.addWidget(self.title)
        titles.addWidget(TextLabel(self.language, tour.subtitle, "body", tone="secondary"))
        self.play_button = AutoplayButton(
            self.language, theme, ui("autoplay"), icon_path("play"), self.accent()
        )
        self.play_button.setObjectName("tour-autoplay")
        self.play_button.clicked.connect(self._on_play_button_clicked)
        self.diagram = TourDiagram(
            tour,
            self.loaded.asset(tour.diagram),
            self.language,
            theme,
            fit_width=theme.portrait,
            colour=self.accent(),
        )
        self.diagram.stop_tapped.connect(self._on_diagram_stop_tapped)
        self.diagram.swiped.connect(self._on_diagram_swiped)
        self._place(titles, self._build_panel())
        self.language.changed.connect(self._on_language_changed)

    def _build_panel(self) -> QFrame:
        theme, tour = self.theme, self.tour
        self.panel = panel = QFrame()
        panel.setObjectName("panel")
        self._panel_body = QWidget()
        self._panel_layout = QVBoxLayout(self._panel_body)
        pad = theme.px(24 if theme.compact else 36)
        self._panel_layout.setContentsMargins(pad, pad, pad, pad)
        self._panel_layout.setSpacing(theme.px(12))
        self.position = TextLabel(self.language, ui("stop", n=1, total=len(tour.stops)), "label", wrap=False)
        self.position.setStyleSheet(f"color: {self.accent()};")
        self._panel_layout.addWidget(self.position)
        # Every stop is built once and measured: the panel is as tall as its tallest stop.
        self.stops = StopStack([self._stop_view(stop) for stop in tour.stops])
        self._panel_layout.addWidget(self.stops)
        self._panel_layout.addStretch(1)
        self._panel_layout.addWidget(self._build_stop_parts())
        self.panel_scroll = PageScrollArea(self._panel_body, theme, fade=theme.palette.surface)
        panel_layout = QHBoxLayout(panel)
        # Inset by the corner radius: the scrolled text and its fade never square the corners.
        inset = theme.radius // 2
        panel_layout.setContentsMargins(0, inset, 0, inset)
        panel_layout.addWidget(self.panel_scroll)
        return panel

    def _place(self, titles: QVBoxLayout, panel: QFrame) -> None:
        theme = self.theme
        if theme.portrait:
            # The title with the auto-play control at its side, the map across the page, the
            # stop below it.
            self._header = header = QHBoxLayout()
            header.setSpacing(theme.gutter)
            header.addLayout(titles, 1)
            header.addWidget(self.play_button, 0, Qt.AlignmentFlag.AlignBottom)
            self.body.addLayout(header)
            self.body.addWidget(self.diagram, 0)
            self.body.addWidget(panel, 1)
        else:
            # The title and the map on the larger side; the stop's
            # panel the page's full height beside them, as wide as its tallest stop needs
            # (`_fit_panel`).
            self._columns = columns = QHBoxLayout()
            columns.setSpacing(theme.px(40))
            self._left = left = QVBoxLayout()
            left.setSpacing(theme.gutter)
            # The auto-play control on the line of the small "Tour" over the title: the
            # title and the map keep the column's whole width and height.
            self._kicker.addWidget(self.play_button, 0)
            left.addLayout(titles)
            left.addWidget(self.diagram, 1)
            columns.addLayout(left, 1)
            columns.addWidget(panel, 0)
            self.body.addLayout(columns, 1)

    def _stop_view(self, stop: TourStop) -> StopView:
        theme = self.theme
        spacing = theme.px(12)
        # Small landscape screens keep body text at its 28 px floor while the room shrinks
        # with the screen: a little less leading there keeps the longest stop beside the map.
        leading = 1.38 if theme.compact else 1.45

        def paragraph(source: TextSource) -> Paragraph:
            return Paragraph(self.language, source, theme, line_height=leading)

        title = TextLabel(self.language, stop.title, "h2")
        if stop.figure is None and stop.voice is None:
            return StopView(self.language, stop.text, title, paragraph, None, spacing)
        extras = QWidget()
        extra_layout = QVBoxLayout(extras)
        extra_layout.setContentsMargins(0, 0, 0, 0)
        extra_layout.setSpacing(spacing)
        if stop.figure is not None:
            figure = self.content.figure(stop.figure)
            extra_layout.addSpacing(theme.px(4))
            card = FigureCard(self.language, figure, theme, self.accent(), flat=True)
            # The number's line keeps the font's whole descent: a thousands comma's tail
            # reaches below the 0.6 of it the card's own number reserves.
            metrics = QFontMetricsF(theme.font("figure-small"))
            card.number.setMinimumHeight(math.ceil(metrics.ascent() + metrics.descent()))
            card.tapped.connect(self.open_figure_detail)
            extra_layout.addWidget(card)
        if stop.voice is not None:
            extra_layout.addSpacing(theme.px(12))
            voice = self.content.voice(stop.voice)
            extra_layout.addWidget(QuoteBlock(self.language, voice, theme, self.accent()))
        return StopView(self.language, stop.text, title, paragraph, extras, spacing)

    def _build_stop_parts(self) -> QWidget:
        """Under a long stop: dots for its two parts and the button that turns between them."""
        self.stop_parts = bar = ReadOnBar(self.language, self.theme, self.accent())
        self.part_dots = bar.dots
        self.more_button = bar.button
        bar.turned.connect(self._on_stop_parts_turned)
        bar.hide()
        return bar

    def show_stop_part(self, part: int) -> None:
        """Show part `part` of the current stop (its text, or what goes with it)."""
        view = self.stops.current_view()
        view.show_part(part)
        # The stop's position over its text only: the second part has the panel's whole height
        # (the map and the page's dots say which stop this is).
        self.position.setVisible(view.part == 0)
        self.stops.updateGeometry()
        self._update_stop_parts()

    def _update_stop_parts(self) -> None:
        view = self.stops.current_view()
        split = view.split
        self.stop_parts.setVisible(split)
        if split:
            self.stop_parts.set_position(view.part, view.parts)
        self.panel_scroll.verticalScrollBar().setValue(0)

    def _on_stop_parts_turned(self) -> None:
        view = self.stops.current_view()
        self.show_stop_part((view.part + 1) % view.parts)

    def _show_stop(self, animate: bool = True) -> None:
        self.position.set_source(ui("stop", n=self._index + 1, total=len(self.tour.stops)))
        self.stops.set_current(self._index)
        self.stops.current_view().show_part(0)
        self.position.setVisible(True)
        self._update_stop_parts()
        self.panel_scroll.fit_body()  # scrolls as far as this stop reaches, from this frame on
        self.panel_scroll.verticalScrollBar().setValue(0)
        self.diagram.set_current(self._index, animate)
        if self.autoplaying:
            self._start_stop_timer()

    def _panel_height_for(self, width: int, split: frozenset[int] | None = None) -> int:
        """How tall the panel must be, `width` wide, to show its tallest stop whole; with the
        stops `split` (default: as they are) in two parts and the bar that turns them."""
        panel, viewport = self.panel, self.panel_scroll.viewport()
        panel.ensurePolished()  # high contrast's outline is part of the panel's style
        if panel.isVisible() and viewport.width() > 0:
            # What lies round the scrolled text (insets, outlines, frames), as laid out now.
            around_width = panel.width() - viewport.width()
            around_height = panel.height() - viewport.height()
        else:
            around_width = panel.width() - panel.contentsRect().width()
            around_height = panel.height() - panel.contentsRect().height() + 2 * (self.theme.radius // 2)
        layout = self._panel_layout
        layout.activate()
        inside = width - around_width
        margins = layout.contentsMargins()
        stops_width = inside - margins.left() - margins.right()
        head = self.position.sizeHint().height() + layout.spacing()
        for view in self.stops.views:
            view.set_above_first(head)
        # The panel's height round its stops: the position counted with each stop's first part.
        shown = layout.totalHeightForWidth(inside) - (0 if self.position.isHidden() else head)
        split = self._split_stops() if split is None else split
        bar = self.stop_parts.sizeHint().height() + layout.spacing()
        bar_counted = bar if not self.stop_parts.isHidden() or self._split_stops() else 0
        tallest = max(
            view.needed_height(stops_width, at in split) for at, view in enumerate(self.stops.views)
        )
        return (
            shown
            - self.stops.heightForWidth(stops_width)
            - bar_counted
            + tallest
            + (bar if split else 0)
            + around_height
        )

    def _split_stops(self) -> frozenset[int]:
        return frozenset(at for at, view in enumerate(self.stops.views) if view.split)

    def _splits_to_fit(self, width: int, fits: Callable[[int], bool]) -> frozenset[int]:
        """The fewest stops to split, tallest first, until the panel's height at `width`
        `fits`: none where every stop fits whole."""
        split: frozenset[int] = frozenset()
        if self.theme.text_scale != 1:
            # Parts are for the design's text size (as the vision page's compact form): with a
            # visitor's larger text the panel scrolls, as every page may.
            return split
        views = self.stops.views
        while not fits(self._panel_height_for(width, split)):
            whole = [at for at, view in enumerate(views) if at not in split and view.can_split()]
            if not whole:
                break  # its text alone is longer than the panel: the panel scrolls
            split |= {max(whole, key=lambda at: views[at].needed_height(width, False))}
        return split

    def _set_split_stops(self, split: frozenset[int]) -> None:
        if split == self._split_stops():
            return
        for at, view in enumerate(self.stops.views):
            view.set_split(at in split)
        policy = self.stop_parts.sizePolicy()
        policy.setRetainSizeWhenHidden(bool(split))  # a panel with long stops keeps one height
        self.stop_parts.setSizePolicy(policy)
        self._update_stop_parts()
        self.stops.updateGeometry()
        self._panel_layout.invalidate()

    def _fit_panel(self) -> None:
        """Landscape: the narrowest panel (within bounds) that shows every stop without
        scrolling, the map taking the rest: one size for every stop of the tour."""
        viewport = self.scroll_area.viewport()
        margins = self.body.contentsMargins()
        width = viewport.width() - margins.left() - margins.right()
        height = viewport.height() - margins.top() - margins.bottom()
        if width <= 0 or height <= 0:
            return
        if self.theme.portrait:
            self._fit_map(width, height)
            return
        gap = self._columns.spacing()
        narrowest, widest = round(width * PANEL_SHARE[0]), round(width * PANEL_SHARE[1])
        widest = min(widest, width - gap - self.diagram.minimumWidth())
        narrowest = min(narrowest, widest)
        # The title and the smallest map must fit beside the panel; where they cannot at any
        # width (larger text: the page scrolls), the panel keeps its widest for long words.
        widest_of_all = widest
        while widest > narrowest and self._left.totalHeightForWidth(width - gap - widest) > height:
            widest -= self.theme.px(16)
        widest = max(narrowest, widest)
        if self._left.totalHeightForWidth(width - gap - widest) > height:
            widest = widest_of_all
        # A stop too long for the panel even at its widest goes on in a second part.
        split = self._splits_to_fit(widest, lambda needed: needed <= height)
        self._set_split_stops(split)
        if self._panel_height_for(widest) > height:
            chosen = widest  # larger text: the panel scrolls (the fade shows there is more)
        else:
            low, high = narrowest, widest  # the panel's height falls as it widens
            while high - low > 4:
                middle = (low + high) // 2
                if self._panel_height_for(middle) <= height:
                    high = middle
                else:
                    low = middle
            chosen = high
        if self.panel.width() != chosen or self.panel.minimumWidth() != chosen:
            self.panel.setFixedWidth(chosen)
            self.body.activate()  # the map takes the rest now, not in a later turn

    def _fit_map(self, width: int, height: int) -> None:
        """Portrait: the panel takes the page's width and the room under the map; where the
        tallest stop needs more, the map gives up height (down to its least) for it."""
        spacing = self.body.spacing()
        header = self._header.totalHeightForWidth(width)
        # A stop too long for the room the map leaves at its least goes on in a second part.
        least_map = self.diagram.minimumHeight()
        split = self._splits_to_fit(width, lambda needed: height - header - 2 * spacing - needed >= least_map)
        self._set_split_stops(split)
        room = height - header - 2 * spacing - self._panel_height_for(width)
        self.diagram.set_height_cap(None)
        natural = self.diagram.heightForWidth(width)
        if room < natural:
            self.diagram.set_height_cap(room)
            self.body.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_panel()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # In the window the texts take the window's style (their fonts), and a language chosen
        # while the page was away has changed them: measured again.
        self.stops.updateGeometry()
        self._fit_panel()
        self.panel_scroll.fit_body()

    def _on_language_changed(self, lang: str) -> None:
        if not self.isVisible():
            return  # measured when it shows again (`showEvent`)
        # The stops' texts changed first (each was connected before the page): measured now,
        # in this turn, and once more after Qt's queued layout passes.
        self.stops.updateGeometry()
        self._fit_panel()
        self.panel_scroll.fit_body()
        QTimer.singleShot(0, self, self._fit_panel)

    def _on_diagram_stop_tapped(self, index: int) -> None:
        self.set_step(index)

    def _on_diagram_swiped(self, delta: int) -> None:
        self.set_step(self._index + delta)

    @property
    def stop_title(self) -> TextLabel:
        """The current stop's title."""
        return self.stops.current_view().findChild(TextLabel)  # type: ignore[return-value]

    @property
    def stop_text(self) -> Paragraph:
        return self.stops.current_view().findChild(Paragraph)  # type: ignore[return-value]

    def current_stop_title(self) -> str:
        return self.stop_title.text()
