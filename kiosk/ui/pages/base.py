"""What every page type shares: its content, language and theme, steps, and a scroll fallback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QLinearGradient, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.content import LoadedContent
from kiosk.content.pages import PageRef
from kiosk.ui import theme as th
from kiosk.ui.animation import DURATION_MS as ENTRANCE_MS
from kiosk.ui.animation import STAGGER_MS as ENTRANCE_STAGGER_MS
from kiosk.ui.animation import GrowAnimation
from kiosk.ui.language import LanguageState

if TYPE_CHECKING:
    from kiosk.ui.widgets.figure_detail import FigureDetail


class _MoreBelowFade(QWidget):
    """A soft fade at the bottom edge while there is more to scroll to: never a hard cut."""

    def __init__(self, colour: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._colour = colour
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0.0, th.color(self._colour, 0.0))
        gradient.setColorAt(1.0, th.color(self._colour, 0.96))
        painter = QPainter(self)
        painter.fillRect(self.rect(), gradient)
        painter.end()


class PageScrollArea(QScrollArea):
    """Holds a page's body. Designed layouts fit the screen; when large text does not, the
    body scrolls by dragging (see InputRouter): never a scrollbar to aim at."""

    content_height_changed = Signal(int)  # the height the body needs at the current width

    def __init__(
        self, body: QWidget, theme: th.Theme, parent: QWidget | None = None, fade: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Sized by hand, not setWidgetResizable: the body gets its height-for-width at the
        # viewport's width (wrapped text included), and never less than the viewport.
        self.setWidgetResizable(False)
        self.setWidget(body)
        self._fit_pending = False
        self._content_height = 0
        body.installEventFilter(self)
        self.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
        self._fade = _MoreBelowFade(fade or theme.palette.background, self)
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._update_fade)
        bar.valueChanged.connect(self._update_fade)
        self._update_fade()

    def sizeHint(self) -> QSize:
        # A scroll area asks for little: it takes the room its layout gives and scrolls the rest.
        return QSize(super().sizeHint().width(), 120)

    def has_more_below(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() < bar.maximum()

    def fold(self) -> int:
        """Where, in the viewport, the "more below" fade begins: what is lower is not clearly seen."""
        return self.viewport().height() - self._fade_height()

    def _fade_height(self) -> int:
        return min(96, self.viewport().height() // 4)

    def _update_fade(self) -> None:
        height = self._fade_height()
        viewport = self.viewport().geometry()
        self._fade.setGeometry(viewport.left(), viewport.bottom() - height + 1, viewport.width(), height)
        self._fade.setVisible(self.has_more_below())
        self._fade.raise_()

    def fit_body(self) -> None:
        body, viewport = self.widget(), self.viewport()
        if body is None:
            return
        body.ensurePolished()  # new children get their stylesheet fonts before we measure them
        layout = body.layout()
        if layout is None:
            body.resize(viewport.size())
            return
        layout.activate()  # settles items added or removed since the last pass
        width = viewport.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        if needed < 0:
            needed = layout.totalSizeHint().height()
        needed = max(needed, layout.totalMinimumSize().height())
        if needed != self._content_height:
            self._content_height = needed
            self.content_height_changed.emit(needed)
        height = max(viewport.height(), needed)
        if body.size() != QSize(width, height):
            body.resize(width, height)
        self._update_fade()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit_body()
            if not self._fit_pending:
                # Measured again once this turn is over: children added in it are shown
                # (and styled) by queued calls, and only then report their real heights.
                self._fit_pending = True
                QTimer.singleShot(0, self, self._fit_later)
        return super().eventFilter(watched, event)

    @property
    def fit_pending(self) -> bool:
        return self._fit_pending

    def _fit_later(self) -> None:
        self._fit_pending = False
        self.fit_body()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_body()


class Page(QWidget):
    """A screen of the kiosk. Subclasses fill `self.body` (a QVBoxLayout inside a scroll area).

    Pages with internal steps (a tour's stops, the voices) override the step methods; the
    navigation bar then walks the steps instead of sibling pages.
    """

    navigate_requested = Signal(str)
    steps_changed = Signal()
    figure_opened = Signal(str)

    def __init__(
        self,
        ref: PageRef,
        loaded: LoadedContent,
        language: LanguageState,
        theme: th.Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ref = ref
        self.loaded = loaded
        self.content = loaded.content
        self.language = language
        self.theme = theme
        self.setObjectName("page")
        self._body_widget = QWidget()
        self._body_widget.setObjectName("page-body")
        self.body = QVBoxLayout(self._body_widget)
        margin = theme.margin
        self.body.setContentsMargins(margin, theme.px(48), margin, theme.px(24))
        self.body.setSpacing(theme.gutter)
        self.scroll_area = PageScrollArea(self._body_widget, theme, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.entrance: GrowAnimation | None = None
        self.detail: FigureDetail | None = None
        self.build()
        language.changed.connect(self._forget_kept_heights)

    def _forget_kept_heights(self, _lang: str) -> None:
        # New words while the page is off screen: its blocks' kept heights are the last
        # language's, and no child tells a hidden block otherwise (Qt's size cache).
        for block in self._body_widget.findChildren(QWidget):
            if block.layout() is not None:
                block.updateGeometry()

    def build(self) -> None:
        """Fill `self.body` (each page type's own layout): called once, at construction."""

    @property
    def page_id(self) -> str:
        return self.ref.id

    def accent(self) -> str:
        """The colour of this page's position dots and highlights."""
        return self.theme.palette.accent

    def step_count(self) -> int:
        return 1

    def kiosk_controls(self) -> list[QWidget]:
        """Controls for a visitor at the kiosk, never shown on a slide (home's accessibility)."""
        return []

    def step_index(self) -> int:
        return 0

    def set_step(self, index: int) -> None:
        """Show step `index` (clamped)."""

    def show_final_state(self) -> None:
        """Put every animation at its end (for render and reduced motion)."""
        if self.entrance is not None:
            self.entrance.finish()

    # ---- entrance animation: numbers count up, bars grow, on every visit ------------------

    def use_entrance(self, count: int) -> GrowAnimation:
        self.entrance = GrowAnimation(
            count, self.theme.ms(ENTRANCE_MS), self.theme.ms(ENTRANCE_STAGGER_MS), parent=self
        )
        self.entrance.progressed.connect(self._on_entrance_progressed)
        return self.entrance

    def _on_entrance_progressed(self) -> None:
        """Draw the entrance at `self.entrance`'s progress (pages with an entrance override)."""

    def enter(self) -> None:
        """The page is on screen (any slide into it is over): play its entrance from the start."""
        if self.entrance is not None:
            if self.theme.reduced_motion:
                self.entrance.finish()
            else:
                self.entrance.start()

    def hideEvent(self, event: QHideEvent) -> None:
        if self.entrance is not None and self.entrance.running:  # left mid-entrance: final state
            self.entrance.finish()
        super().hideEvent(event)

    # ---- figure details -------------------------------------------------------------------

    def shows_figure_sentences(self) -> bool:
        """Whether the page itself shows the report's sentences behind its figures (a figure's
        detail card then does not repeat them)."""
        return False

    def open_figure_detail(self, figure_id: str) -> None:
        if self.detail is None:
            # Imported with the first detail a visitor opens: the first screen never needs it.
            from kiosk.ui.widgets.figure_detail import FigureDetail  # noqa: PLC0415

            self.detail = FigureDetail(self, self.language, self.theme)
        self.detail.show_figure(
            self.content.figure(figure_id), self.accent(), sentence_on_page=self.shows_figure_sentences()
        )
        self.figure_opened.emit(figure_id)

    def interrupt(self, target: QWidget | None) -> None:
        """A visitor touched the screen (on `target`): stop anything playing by itself."""

    def reset(self) -> None:
        """Back to how a new visitor first sees the page."""
        if self.detail is not None:
            self.detail.close_detail()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.set_step(0)
