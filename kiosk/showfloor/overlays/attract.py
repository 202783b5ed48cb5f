"""The attract loop: while nobody is at the kiosk, it shows its highlights full-screen (the
initiative and its visions, key figures counting up, the tours walking themselves, the
voices) under a "Tap to start" call. The first touch wakes the kiosk to its home screen;
that touch presses nothing else.
"""

from __future__ import annotations

from itertools import zip_longest

from PySide6.QtCore import QEasingCurve, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGraphicsOpacityEffect,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Figure, LoadedContent, Tour, Voice
from kiosk.ui import theme as th
from kiosk.ui.animation import GrowAnimation
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.vision_colours import colour_of
from kiosk.ui.widgets.buttons import ColourTile
from kiosk.ui.widgets.figure_card import FigureNumber
from kiosk.ui.widgets.quote import QuoteBlock
from kiosk.ui.widgets.text import Paragraph, TextLabel
from kiosk.ui.widgets.tour_diagram import TourDiagram

SLIDE_MS = 7000
TOUR_STEP_MS = 1600

Slide = tuple[str, object]


def playlist(loaded: LoadedContent) -> list[Slide]:
    """The loop's order: the initiative, then figures, tours and voices taken in turn. Each
    figure group shows its first figure that no group before it showed (groups may share one)."""
    content = loaded.content
    shown: list[str] = []
    for group in content.figure_groups:
        fresh = next((figure_id for figure_id in group.figures if figure_id not in shown), None)
        if fresh is not None:
            shown.append(fresh)
    figures = [content.figure(figure_id) for figure_id in shown]
    slides: list[Slide] = [("title", None)]
    for figure, tour, voice in zip_longest(figures, content.tours, content.voices):
        slides += [
            (kind, item) for kind, item in (("figure", figure), ("tour", tour), ("voice", voice)) if item
        ]
    return slides


class AttractLoop(Overlay):
    woken = Signal()

    def __init__(
        self,
        window: QWidget,
        loaded: LoadedContent,
        language: LanguageState,
        theme: th.Theme,
        slide_ms: int = SLIDE_MS,
    ) -> None:
        super().__init__(window, theme, QColor(theme.palette.background))
        self.loaded = loaded
        self.language = language
        self.theme = theme
        self.slides = playlist(loaded)
        self.index = -1
        self._slide: QWidget | None = None
        self._grow: GrowAnimation | None = None
        self._tour_diagram: TourDiagram | None = None
        layout = QVBoxLayout(self)
        margin = theme.margin
        layout.setContentsMargins(margin, margin, margin, margin)
        self._stage = QVBoxLayout()
        layout.addLayout(self._stage, 1)
        layout.addWidget(self._call_to_action(), 0, Qt.AlignmentFlag.AlignHCenter)
        self._next = QTimer(self)
        self._next.setInterval(theme.ms(slide_ms))
        self._next.timeout.connect(self.next_slide)
        self._tour_step = QTimer(self)
        self._tour_step.setInterval(theme.ms(TOUR_STEP_MS))
        self._tour_step.timeout.connect(self._on_tour_step_timeout)
        self.hide()

    def _call_to_action(self) -> QFrame:
        pill = QFrame()
        pill.setObjectName("cta")
        pill.setStyleSheet(
            f"#cta {{ background: {self.theme.palette.text}; border-radius: {self.theme.px(48)}px; }}"
        )
        row = QHBoxLayout(pill)
        pad = self.theme.px(48)
        row.setContentsMargins(pad, self.theme.px(20), pad, self.theme.px(20))
        text = " · ".join(ui("attract-cta")(lang) for lang in self.language.languages)
        label = TextLabel(self.language, lambda _lang: text, "h2", tone="dark", wrap=False)
        row.addWidget(label)
        self.call_to_action = label
        effect = QGraphicsOpacityEffect(pill)
        pill.setGraphicsEffect(effect)
        pulse = QVariantAnimation(self)
        pulse.setStartValue(1.0)
        pulse.setKeyValueAt(0.5, 0.55)
        pulse.setEndValue(1.0)
        pulse.setDuration(self.theme.ms(2400))
        pulse.setLoopCount(-1)
        pulse.setEasingCurve(QEasingCurve.Type.InOutSine)
        pulse.valueChanged.connect(lambda value: effect.setOpacity(float(value)))
        self._pulse = pulse
        return pill

    # ---- running --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.isVisible()

    def start(self) -> None:
        self.index = -1
        self.open()
        self.next_slide()
        self._next.start()
        if not self.theme.reduced_motion:
            self._pulse.start()

    def stop(self) -> None:
        self._next.stop()
        self._tour_step.stop()
        self._pulse.stop()
        self._clear()
        self.hide()

    def next_slide(self) -> None:
        self.index = (self.index + 1) % len(self.slides)
        kind, item = self.slides[self.index]
        self._clear()
        builders = {"title": self._title_slide, "figure": self._figure_slide, "tour": self._tour_slide}
        slide = builders.get(kind, self._voice_slide)(item)
        self._slide = slide
        self._stage.addWidget(slide)
        slide.show()
        if self._grow is not None:
            if self.theme.reduced_motion:
                self._grow.finish()
            else:
                self._grow.start()

    def current_kind(self) -> str:
        return self.slides[self.index][0] if self.index >= 0 else ""

    def _clear(self) -> None:
        self._tour_step.stop()
        self._grow = None
        self._tour_diagram = None
        if self._slide is not None:
            self._slide.hide()
            self._slide.deleteLater()
            self._slide = None

    # ---- the slides -----------------------------------------------------------------------

    def _column(self) -> tuple[QWidget, QVBoxLayout]:
        slide = QWidget()
        column = QVBoxLayout(slide)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.theme.px(16))
        column.addStretch(1)
        return slide, column

    def _title_slide(self, _item: object) -> QWidget:
        content, theme, language = self.loaded.content, self.theme, self.language
        slide, column = self._column()
        column.addWidget(TextLabel(language, content.home.kicker, "lead", tone="secondary"))
        column.addWidget(TextLabel(language, content.home.title, "display", fit_floor_px=theme.font_px("h1")))
        column.addWidget(TextLabel(language, content.home.subtitle, "lead", tone="secondary"))
        column.addSpacing(theme.px(32))
        tiles = QGridLayout()
        tiles.setSpacing(theme.gutter)
        per_row = 2 if theme.portrait else len(content.visions)
        for index, vision in enumerate(content.visions):
            tile = ColourTile(language, theme, vision.name, vision.color, self.loaded.asset(vision.icon))
            tile.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            tile.setMinimumHeight(theme.target(180))
            tiles.addWidget(tile, *divmod(index, per_row))
        column.addLayout(tiles)
        column.addStretch(1)
        return slide

    def _figure_slide(self, item: object) -> QWidget:
        assert isinstance(item, Figure)
        theme, language = self.theme, self.language
        slide, column = self._column()
        column.addWidget(TextLabel(language, ui("figures"), "lead", tone="secondary"))
        number = FigureNumber(language, item, theme, "figure", colour_of(self.loaded.content, item, theme))
        column.addWidget(number)
        column.addWidget(TextLabel(language, item.label, "h1"))
        if item.context is not None:
            column.addWidget(TextLabel(language, item.context, "lead", tone="secondary"))
        column.addStretch(1)
        self._grow = GrowAnimation(1, theme.ms(1400), 0, parent=slide)
        self._grow.progressed.connect(lambda: number.set_value(self._count_up(item)))
        return slide

    def _count_up(self, figure: Figure) -> float | None:
        progress = self._grow.progress(0) if self._grow is not None else 1.0
        return None if progress >= 1.0 else figure.value * progress

    def _tour_slide(self, item: object) -> QWidget:
        assert isinstance(item, Tour)
        theme, language = self.theme, self.language
        slide = QWidget()
        vertical = QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        row = QBoxLayout(vertical, slide)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.px(48))
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(TextLabel(language, ui("tour"), "lead", tone="secondary"))
        words.addWidget(TextLabel(language, item.title, "h1"))  # wraps: never cut
        words.addWidget(Paragraph(language, item.subtitle, theme, "lead", theme.palette.text_secondary))
        words.addStretch(1)
        row.addLayout(words, 2)
        colour = colour_of(self.loaded.content, item, theme)
        diagram = TourDiagram(
            item, self.loaded.asset(item.diagram), language, theme, fit_width=True, colour=colour
        )
        diagram.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        diagram.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)  # a touch wakes the loop
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(diagram)
        middle.addStretch(1)
        row.addLayout(middle, 3)
        self._tour_diagram = diagram
        self._tour_step.start()  # the tour walks itself, stop by stop
        return slide

    def _on_tour_step_timeout(self) -> None:
        diagram = self._tour_diagram
        if diagram is not None:
            diagram.set_current((diagram.current + 1) % diagram.stop_count)

    def _voice_slide(self, item: object) -> QWidget:
        assert isinstance(item, Voice)
        slide, column = self._column()
        colour = colour_of(self.loaded.content, item, self.theme)
        quote = QuoteBlock(self.language, item, self.theme, colour, "h3")
        quote.setMaximumWidth(self.theme.px(1500))
        column.addWidget(quote)
        column.addStretch(1)
        return slide

    # ---- waking ---------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Wake on release: the whole touch, down and up, stays with the attract loop."""
        event.accept()
        self.stop()
        self.woken.emit()
