"""The attract loop: while nobody is at the kiosk, it shows its highlights full-screen (the
initiative and its visions, key figures counting up, the tours walking themselves, the
voices) under a "Tap to start" call. The first touch wakes the kiosk to its home screen;
that touch presses nothing else.

Every slide speaks two languages side by side, each column in its own writing direction: the
kiosk's current language (the default one after a reset) and a partner. With two languages
the partner is the other one. With three or more the partner turns from slide to slide, so
that every language the exhibition speaks comes round within a few slides while each column
keeps the width a text needs to be read from five metres (three columns would not: about a
third of a 1280 px panel each). A figure's number is set large in the colour of the vision it
belongs to; a figure of no vision stays in the text's colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import zip_longest

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QSize, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QRadialGradient,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGraphicsOpacityEffect,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Figure, LoadedContent, Tour, Vision, Voice
from kiosk.i18n.direction import is_right_to_left
from kiosk.i18n.numbers import count_up_frame
from kiosk.ui import theme as th
from kiosk.ui.animation import GrowAnimation
from kiosk.ui.language import LanguageState, TextSource, resolve, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.vision_colours import colour_of
from kiosk.ui.widgets.buttons import ColourTile
from kiosk.ui.widgets.icons import icon_pixmap
from kiosk.ui.widgets.quote import QuoteBlock
from kiosk.ui.widgets.text import Paragraph, TextLabel
from kiosk.ui.widgets.tour_diagram import TourDiagram

SLIDE_MS = 7000
TOUR_STEP_MS = 1600
COUNT_UP_MS = 1400
# The big number at 1080p, in px: from five metres its digits stand about as tall as a
# page title's letters do from two. Its words (qualifier, unit) are set at a share of it.
NUMBER_PX = 280
WORDS_SHARE = 0.3


@dataclass(frozen=True)
class TypeStep:
    """One step of a slide's type, largest first: a slide takes the first at which all it
    says fits the screen (a long quote, a long German title, a small panel take a smaller one)."""

    number_px: int
    headline: str  # the initiative's name
    title: str  # the initiative's title; a figure's label; the first tour title
    text: str  # subtitles, a figure's year or scope, the first tour subtitle
    note: str  # the initiative's kicker, the second tour subtitle
    second_title: str  # the second language's tour title
    quote: str
    heading: bool = True  # the slide's small heading ("Voices"), left out as a last resort


TYPE_STEPS = (
    TypeStep(NUMBER_PX, "display", "h1", "lead", "body", "h2", "h2"),
    TypeStep(240, "h1", "h2", "body", "caption", "h3", "h3"),
    TypeStep(200, "h2", "h3", "body", "caption", "h3", "body"),
    TypeStep(170, "h3", "h3", "caption", "caption", "label", "caption"),
    TypeStep(170, "h3", "h3", "caption", "caption", "label", "caption", heading=False),
)

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


def slide_languages(languages: tuple[str, ...], current: str, turn: int) -> tuple[str, ...]:
    """The languages of one slide, in reading order: `current`, then its partner for the
    `turn`-th slide shown (the others in turn); one language alone has no partner."""
    others = [lang for lang in languages if lang != current]
    return (current, others[turn % len(others)]) if others else (current,)


def _ui_in(lang: str, key: str) -> Callable[[str], str]:
    """A UI string fixed to one language, whatever the kiosk's current one."""
    return lambda _current: ui(key)(lang)


def _direction(lang: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if is_right_to_left(lang) else Qt.LayoutDirection.LeftToRight


def _in_language(widget: QWidget, lang: str) -> QWidget:
    """`widget` laid out and aligned in `lang`'s direction, whatever the window's."""
    widget.setLayoutDirection(_direction(lang))
    return widget


def _squeezed(slide: QWidget) -> bool:
    """Whether a laid-out slide needs more height at its width than the screen gives it (what
    `kiosk check-layout` would report as cut or overflowing). Asked of the slide's own layout,
    which sums what each part needs at its width, not of the parts' sizes: those settle only
    when the event loop has run."""
    layout = slide.layout()
    if layout is None:
        return False
    needed = layout.totalHeightForWidth(slide.width()) if layout.hasHeightForWidth() else -1
    return max(needed, layout.totalMinimumSize().height()) > slide.height() + 1


class BigNumber(QWidget):
    """A figure in one language with its number set large ("近 130 家", "nearly CNY 10 trillion"),
    counting up in bare digits (`count_up_frame`): what shows on the way is never false. The
    numbers of one slide shrink together when one of them is too wide for its column."""

    def __init__(
        self, figure: Figure, lang: str, theme: th.Theme, colour: str, number_px: int = NUMBER_PX
    ) -> None:
        super().__init__()
        self._number_px = number_px
        self.figure = figure
        self.lang = lang
        self._theme = theme
        self.colour = colour
        self._value: float | None = None
        self.peers: list[BigNumber] = [self]
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.text())

    def text(self) -> str:
        """What shows now, as one phrase."""
        return count_up_frame(self.figure, self.lang, self._value).text

    def set_value(self, value: float | None) -> None:
        """A count-up frame at `value`; None: the figure as the report states it."""
        self._value = value
        self.update()

    def _fonts(self) -> tuple[QFont, QFont]:
        big = self._theme.font("figure")
        big.setPixelSize(round(self._theme.px(self._number_px) * self._theme.text_scale))
        small = self._theme.font("h1")
        small.setPixelSize(max(self._theme.font_px("h3"), round(big.pixelSize() * WORDS_SHARE)))
        return big, small

    def _natural_width(self) -> float:
        big, small = self._fonts()
        runs = count_up_frame(self.figure, self.lang, None).runs
        return sum(QFontMetricsF(big if is_big else small).horizontalAdvance(text) for text, is_big in runs)

    def fit(self) -> float:
        """The shared scale: the widest number of the slide decides for all."""

        def own(number: BigNumber) -> float:
            natural = number._natural_width() + QFontMetricsF(number._fonts()[1]).height() * 0.12
            return min(1.0, number.width() / natural) if natural > 0 and number.width() > 0 else 1.0

        return min(own(peer) for peer in self.peers)

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self._fonts()[0])
        return QSize(int(self._natural_width()) + 2, int(metrics.ascent() + metrics.descent() * 0.5))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._theme.px(200), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        big, small = self._fonts()
        fit = self.fit()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(self.colour))
        baseline = QFontMetricsF(big).ascent()
        final = count_up_frame(self.figure, self.lang, None)
        shown = count_up_frame(self.figure, self.lang, self._value)
        whole = shown == final
        # Scaled about the baseline's start, so a shrunk number still sits on the line.
        rtl = self.isRightToLeft()
        # Arabic ink reaches a little past its advance at a line's start: room kept at the right.
        ink = QFontMetricsF(small).height() * 0.12 if rtl else 0.0
        painter.translate(self.width() - ink if rtl else 0.0, baseline * (1 - fit))
        painter.scale(fit, fit)
        x = 0.0
        for text, is_big in final.runs:  # reading order: from the right edge right to left
            font = big if is_big else small
            painter.setFont(font)
            advance = QFontMetricsF(font).horizontalAdvance(text)
            if rtl:
                x -= advance
            if whole or is_big:  # the words keep their room, unwritten, until the count ends
                painter.drawText(QPointF(x, baseline), text if whole else shown.number)
            if not rtl:
                x += advance
        painter.end()


class CallToAction(QFrame):
    """ "Tap to start" in the slide's languages, each in its direction, on a pill that breathes
    (unless motion is reduced)."""

    def __init__(self, theme: th.Theme, language: LanguageState) -> None:
        super().__init__()
        self.setObjectName("cta")
        self.setStyleSheet(f"#cta {{ background: {theme.palette.text}; border-radius: {theme.px(52)}px; }}")
        self._theme = theme
        self._language = language
        self._row = QHBoxLayout(self)
        pad = theme.px(56)
        self._row.setContentsMargins(pad, theme.px(22), pad, theme.px(22))
        self._row.setSpacing(theme.px(28))
        self._languages: tuple[str, ...] = ()
        self.labels: list[TextLabel] = []

    def text(self) -> str:
        return " · ".join(label.text() for label in self.labels)

    def show_languages(self, languages: tuple[str, ...]) -> None:
        if languages == self._languages:
            return
        self._languages = languages
        while (item := self._row.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()  # gone from this frame on, deleted when the event loop turns
                widget.deleteLater()
        self.labels = []
        for index, lang in enumerate(languages):
            if index:
                dot = QLabel("·")
                dot.setProperty("role", "h2")
                dot.setStyleSheet(f"color: {self._theme.palette.background};")
                self._row.addWidget(dot)
                dot.show()  # now: the pill's size counts it from this frame on
            label = TextLabel(self._language, _ui_in(lang, "attract-cta"), "h2", wrap=False)
            label.setStyleSheet(f"color: {self._theme.palette.background};")
            self._row.addWidget(_in_language(label, lang))
            label.show()
            self.labels.append(label)


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
        self.shown = 0  # slides shown since the start: turns the partner language
        self.languages: tuple[str, ...] = (language.current,)
        self._glow = QColor(theme.palette.background)
        self._slide: QWidget | None = None
        self._grow: GrowAnimation | None = None
        self._tour_diagram: TourDiagram | None = None
        self.numbers: list[BigNumber] = []
        self._fitting_step: dict[tuple[int, tuple[str, ...], int, int], int] = {}
        layout = QVBoxLayout(self)
        margin = theme.margin
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(theme.px(32))
        self._stage = QVBoxLayout()
        layout.addLayout(self._stage, 1)
        self.call_to_action = CallToAction(theme, language)
        layout.addWidget(self.call_to_action, 0, Qt.AlignmentFlag.AlignHCenter)
        self._pulse = self._breathing(self.call_to_action)
        self._next = QTimer(self)
        self._next.setInterval(theme.ms(slide_ms))
        self._next.timeout.connect(self.next_slide)
        self._tour_step = QTimer(self)
        self._tour_step.setInterval(theme.ms(TOUR_STEP_MS))
        self._tour_step.timeout.connect(self._on_tour_step_timeout)
        self.hide()

    def _breathing(self, pill: QWidget) -> QVariantAnimation:
        effect = QGraphicsOpacityEffect(pill)
        effect.setOpacity(1.0)  # at rest (reduced motion) the pill is whole, not Qt's 0.7
        pill.setGraphicsEffect(effect)
        pulse = QVariantAnimation(self)
        pulse.setStartValue(1.0)
        pulse.setKeyValueAt(0.5, 0.6)
        pulse.setEndValue(1.0)
        pulse.setDuration(self.theme.ms(3200))
        pulse.setLoopCount(-1)
        pulse.setEasingCurve(QEasingCurve.Type.InOutSine)
        pulse.valueChanged.connect(lambda value: effect.setOpacity(float(value)))
        return pulse

    # ---- running --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.isVisible()

    def start(self) -> None:
        self.index = -1
        self.shown = 0
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
        self.languages = slide_languages(self.language.languages, self.language.current, self.shown)
        self.shown += 1
        self.call_to_action.show_languages(self.languages)
        kind, item = self.slides[self.index]
        builders = {"title": self._title_slide, "figure": self._figure_slide, "tour": self._tour_slide}
        build = builders.get(kind, self._voice_slide)
        # A slide's type, once found for its languages on this screen, is kept: the next round
        # builds each slide once.
        key = (self.index, self.languages, self.width(), self.height())
        first = self._fitting_step.get(key, 0)
        for step in range(first, len(TYPE_STEPS)):
            self._clear()
            slide = build(item, TYPE_STEPS[step])
            self._slide = slide
            self._stage.addWidget(slide)
            slide.show()
            self._lay_out()
            if step == len(TYPE_STEPS) - 1 or not _squeezed(slide):
                self._fitting_step[key] = step
                break
        self.update()  # the glow behind the slide
        if self._grow is not None:
            if self.theme.reduced_motion:
                self._grow.finish()
            else:
                self._grow.start()

    def _lay_out(self) -> None:
        """Lay the slide out now, as it will be painted: each nested layout settles on its own
        posted request once the one above it has set its size."""
        layout = self.layout()
        for _ in range(4):
            if layout is not None:
                layout.activate()
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def current_kind(self) -> str:
        return self.slides[self.index][0] if self.index >= 0 else ""

    def _clear(self) -> None:
        self._tour_step.stop()
        self._grow = None
        self._tour_diagram = None
        self.numbers = []
        self._glow = QColor(self.theme.palette.background)
        if self._slide is not None:
            self._stage.removeWidget(self._slide)
            self._slide.hide()
            self._slide.deleteLater()
            self._slide = None

    def paintEvent(self, event: QPaintEvent) -> None:
        """The background, lit softly from behind the slide in its colour (none in high contrast)."""
        painter = QPainter(self)
        background = QColor(self.theme.palette.background)
        painter.fillRect(self.rect(), background)
        if not self.theme.high_contrast and self._glow != background:
            centre = QPointF(self.width() * 0.5, self.height() * 0.42)
            gradient = QRadialGradient(centre, max(self.width(), self.height()) * 0.6)
            gradient.setColorAt(0.0, th.color(self._glow.name(), 0.16))
            gradient.setColorAt(1.0, th.color(self._glow.name(), 0.0))
            painter.fillRect(self.rect(), gradient)
        painter.end()

    # ---- the slides -----------------------------------------------------------------------

    def _fixed_language(self, lang: str, slide: QWidget) -> LanguageState:
        """A language that never changes, for one column: `lang`, then the slide's other one
        (a vision tile's second line)."""
        return LanguageState((lang, *(other for other in self.languages if other != lang)), lang, slide)

    def _columns(self, slide: QWidget) -> tuple[QBoxLayout, list[tuple[str, QVBoxLayout]]]:
        """The slide's languages side by side (stacked in portrait), a thin rule between them."""
        theme = self.theme
        direction = QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        row = QBoxLayout(direction)
        row.setSpacing(theme.px(56))
        columns: list[tuple[str, QVBoxLayout]] = []
        for index, lang in enumerate(self.languages):
            if index:
                rule = QFrame()
                tint = th.mix(theme.palette.background, theme.palette.text_secondary, 0.3)
                rule.setStyleSheet(f"background: {tint.name()};")
                if theme.portrait:
                    rule.setFixedHeight(max(1, theme.px(2)))
                else:
                    rule.setFixedWidth(max(1, theme.px(2)))
                row.addWidget(rule)
            holder = _in_language(QWidget(), lang)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(theme.px(12))
            row.addWidget(holder, 0 if theme.portrait else 1)  # side by side: equal widths
            columns.append((lang, column))
        return row, columns

    def _slide_frame(self) -> tuple[QWidget, QVBoxLayout]:
        slide = QWidget()
        frame = QVBoxLayout(slide)
        frame.setContentsMargins(0, 0, 0, 0)
        frame.setSpacing(0)  # the stretches between the parts space them
        return slide, frame

    def _kicker(self, text: str, colour: str, vision: Vision | None = None) -> QWidget:
        """The slide's small heading ("创新 · Innovative"), with the vision's icon if it has one."""
        theme = self.theme
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(theme.px(20))
        if vision is not None:
            mark = QLabel()
            size = theme.px(64)
            icon = self.loaded.asset(vision.icon)
            mark.setPixmap(icon_pixmap(icon, size, colour, self.devicePixelRatioF()))
            mark.setFixedSize(size, size)
            line.addWidget(mark)
        label = TextLabel(self.language, lambda _l: text, "h3", wrap=False)
        label.setStyleSheet(f"color: {colour};")
        line.addWidget(label)
        line.addStretch(1)
        return row

    def _both(self, source: TextSource) -> str:
        """A text in the slide's languages, joined the way the kiosk joins them."""
        return " · ".join(resolve(source, lang) for lang in self.languages)

    def _title_slide(self, _item: object, step: TypeStep) -> QWidget:
        content, theme = self.loaded.content, self.theme
        self._glow = QColor(theme.palette.accent)
        slide, frame = self._slide_frame()
        frame.addStretch(1)
        row, columns = self._columns(slide)
        for lang, column in columns:
            fixed = self._fixed_language(lang, slide)
            column.addWidget(TextLabel(fixed, content.home.title, step.headline))
            column.addWidget(TextLabel(fixed, content.home.subtitle, step.text, tone="secondary"))
            column.addSpacing(theme.px(8))
            column.addWidget(TextLabel(fixed, content.home.kicker, step.note, tone="secondary"))
        for _lang, column in columns:
            column.addStretch(1)  # the columns' first lines level
        frame.addLayout(row)
        tiles = QGridLayout()
        tiles.setSpacing(theme.gutter)
        per_row = 2 if theme.portrait else len(content.visions)
        fixed = self._fixed_language(self.languages[0], slide)
        peers: list[ColourTile] = []
        for index, vision in enumerate(content.visions):
            tile = ColourTile(fixed, theme, vision.name, vision.color, self.loaded.asset(vision.icon))
            peers.append(tile)
            tile.share_name_size_with(peers)  # one size for every name, as on the home screen
            tile.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            # The slide's spare room goes round the row; each tile is high enough for its icon
            # above its names (lower, the icon moves beside them and a long name wraps).
            tile.setFixedHeight(max(theme.target(170), tile.sizeHint().height()))
            tiles.addWidget(tile, *divmod(index, per_row))
        frame.addSpacing(theme.px(40))
        frame.addLayout(tiles)
        frame.addStretch(1)
        return slide

    def _figure_slide(self, item: object, step: TypeStep) -> QWidget:
        assert isinstance(item, Figure)
        theme = self.theme
        vision = self.loaded.content.vision_of(item)
        colour = vision.color if vision is not None else theme.palette.text
        self._glow = QColor(vision.color if vision is not None else theme.palette.accent)
        slide, frame = self._slide_frame()
        heading = self._both(vision.name) if vision is not None else self._both(ui("figures"))
        frame.addWidget(self._kicker(heading, colour if vision else theme.palette.text_secondary, vision))
        frame.addSpacing(theme.px(24))
        frame.addStretch(1)
        row, columns = self._columns(slide)
        for lang, column in columns:
            fixed = self._fixed_language(lang, slide)
            number = BigNumber(item, lang, theme, colour, step.number_px)
            self.numbers.append(number)
            column.addWidget(number)
            column.addWidget(TextLabel(fixed, item.label, step.title))
            if item.context is not None:
                column.addWidget(TextLabel(fixed, item.context, step.text, tone="secondary"))
        for number in self.numbers:
            number.peers = self.numbers
        for _lang, column in columns:
            column.addStretch(1)  # the columns' first lines level
        frame.addLayout(row)
        frame.addStretch(2)
        self._grow = GrowAnimation(1, theme.ms(COUNT_UP_MS), 0, parent=slide)
        self._grow.progressed.connect(self._on_grow_progressed)
        return slide

    def _on_grow_progressed(self) -> None:
        progress = self._grow.progress(0) if self._grow is not None else 1.0
        for number in self.numbers:
            number.set_value(None if progress >= 1.0 else number.figure.value * progress)

    def _tour_slide(self, item: object, step: TypeStep) -> QWidget:
        assert isinstance(item, Tour)
        theme = self.theme
        colour = colour_of(self.loaded.content, item, theme)
        self._glow = QColor(colour)
        slide, frame = self._slide_frame()
        frame.addWidget(self._kicker(self._both(ui("tour")), colour))
        frame.addSpacing(theme.px(32))
        direction = QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        body = QBoxLayout(direction)
        body.setSpacing(theme.px(56))
        words = QVBoxLayout()
        words.setSpacing(theme.px(40))
        words.addStretch(1)
        for index, lang in enumerate(self.languages):
            fixed = self._fixed_language(lang, slide)
            block = _in_language(QWidget(), lang)
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(theme.px(12))
            title = step.title if index == 0 else step.second_title
            column.addWidget(TextLabel(fixed, item.title, title))  # wraps: never cut
            role = step.text if index == 0 else step.note
            column.addWidget(Paragraph(fixed, item.subtitle, theme, role, theme.palette.text_secondary))
            words.addWidget(block)
        words.addStretch(1)
        body.addLayout(words, 2)
        diagram = TourDiagram(
            item,
            self.loaded.asset(item.diagram),
            self._fixed_language(self.languages[0], slide),
            theme,
            fit_width=True,
            colour=colour,
        )
        diagram.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        diagram.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)  # a touch wakes the loop
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(diagram)
        middle.addStretch(1)
        body.addLayout(middle, 3)
        frame.addLayout(body, 1)
        self._tour_diagram = diagram
        self._tour_step.start()  # the tour walks itself, stop by stop
        return slide

    def _on_tour_step_timeout(self) -> None:
        diagram = self._tour_diagram
        if diagram is not None:
            diagram.set_current((diagram.current + 1) % diagram.stop_count)

    def _voice_slide(self, item: object, step: TypeStep) -> QWidget:
        assert isinstance(item, Voice)
        theme = self.theme
        accent = colour_of(self.loaded.content, item, theme)
        self._glow = QColor(accent)
        slide, frame = self._slide_frame()
        if step.heading:
            frame.addWidget(self._kicker(self._both(ui("voices")), accent))
            frame.addSpacing(theme.px(24))
        frame.addStretch(1)
        row, columns = self._columns(slide)
        for lang, column in columns:
            column.addWidget(QuoteBlock(self._fixed_language(lang, slide), item, theme, accent, step.quote))
            column.addStretch(1)  # the columns' first lines level
        frame.addLayout(row)
        frame.addStretch(2)
        return slide

    # ---- waking ---------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Wake on release: the whole touch, down and up, stays with the attract loop."""
        event.accept()
        self.stop()
        self.woken.emit()
