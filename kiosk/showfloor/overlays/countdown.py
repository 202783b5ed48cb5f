"""The idle warning: "Still exploring? Tap the screen to keep exploring", with a ring counting 15 seconds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n.digits import whole_number
from kiosk.i18n.direction import is_right_to_left
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.text import TextLabel

# Up to this many languages are each set in full; from one more on, only the visitor's own is.
FULL_LANGUAGES = 2


def _in(lang: str, key: str) -> Callable[[str], str]:
    """A UI string fixed to one language, whatever the visitor's current one."""
    return lambda _current: ui(key)(lang)


class CountdownRing(QWidget):
    """The seconds left, in a ring that empties as they run out."""

    def __init__(
        self, theme: th.Theme, remaining_ms: Callable[[], int], total_ms: int, language: LanguageState
    ) -> None:
        super().__init__()
        self._theme = theme
        self._language = language
        self._remaining = remaining_ms
        self.total_ms = total_ms
        side = theme.px(220)
        self.setFixedSize(QSize(side, side))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def seconds_left(self) -> int:
        return max(0, (self._remaining() + 999) // 1000)

    def text(self) -> str:
        """The seconds left, in the digits of the visitor's language."""
        return whole_number(self.seconds_left(), self._language.current)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self._theme.px(14)
        box = QRectF(self.rect()).adjusted(width, width, -width, -width)
        colours = self._theme.palette
        painter.setPen(QPen(th.color(colours.text_secondary, 0.25), width))
        painter.drawEllipse(box)
        share = min(1.0, self._remaining() / max(1, self.total_ms))
        pen = QPen(QColor(colours.accent), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(box, 90 * 16, round(share * 360 * 16))
        painter.setPen(QColor(colours.text))
        painter.setFont(self._theme.font("figure-small"))
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.text())
        painter.end()


class CountdownOverlay(Overlay):
    """Every language at once: the visitor who walked up may read any of them. The visitor's
    own language comes first and in full; with three or more, the others follow smaller, side
    by side, each in its own writing direction, so that the warning still fits a small panel."""

    extend_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        language: LanguageState,
        theme: th.Theme,
        remaining_ms: Callable[[], int],
        total_ms: int,
    ) -> None:
        super().__init__(window, theme)
        self._language = language
        self._theme = theme
        layout = self.card(theme, theme.palette.accent, padding=56, spacing=20)
        self.ring = CountdownRing(theme, remaining_ms, total_ms, language)
        layout.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignHCenter)
        self._words = QVBoxLayout()
        self._words.setSpacing(theme.px(20))
        layout.addLayout(self._words)
        self._order: tuple[str, ...] = ()
        row = QHBoxLayout()
        row.addStretch(1)
        self.extend_button = TouchButton(
            language,
            theme,
            lambda _current: "",  # in every language: set with the words
            None,
            filled=True,
            colour=theme.palette.accent,
        )
        self.extend_button.clicked.connect(self.extend_requested)
        row.addWidget(self.extend_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._show_languages()
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self.ring.update)
        self.hide()

    def _show_languages(self) -> None:
        """The warning in every language, the current one first."""
        current = self._language.current
        order = (current, *(lang for lang in self._language.languages if lang != current))
        if order == self._order:
            return
        self._order = order
        while (item := self._words.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        full = order if len(order) <= FULL_LANGUAGES else order[:1]
        if len(full) > 1 and self._theme.text_scale > 1 and self._titles_fit_beside(full):
            # Larger text on a landscape screen: the languages side by side, each a column,
            # so that the card keeps air above and below it.
            columns = QWidget()
            beside = QHBoxLayout(columns)
            beside.setContentsMargins(0, 0, 0, 0)
            beside.setSpacing(self._theme.px(40))
            for lang in full:
                beside.addWidget(self._block(lang, "h1", "body"), 1)
            self._words.addWidget(columns)
        else:
            for lang in full:
                self._words.addWidget(self._block(lang, "h1", "body"))
        others = order[len(full) :]
        if others:
            # Side by side in landscape (each a column of the card), stacked in portrait.
            row = QWidget()
            portrait = self._theme.portrait
            across = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
            line = QBoxLayout(across, row)
            line.setContentsMargins(0, self._theme.px(8), 0, 0)
            line.setSpacing(self._theme.px(40))
            for lang in others:
                line.addWidget(self._block(lang, "h3", "caption"), 1)
            self._words.addWidget(row)
        extend = " · ".join(ui("idle-extend")(lang) for lang in order)
        self.extend_button.set_label(lambda _current: extend)
        for index in range(self._words.count()):
            item = self._words.itemAt(index)
            if item is not None and (widget := item.widget()) is not None:
                widget.show()  # now, for the card's size: the panel is placed from it

    def _titles_fit_beside(self, langs: tuple[str, ...]) -> bool:
        """Whether each language's title fits one line of its column, side by side on the
        widest card this window allows: a short title ("Still exploring?") broken in two would
        leave a word alone on each line (on a nearly square screen, for one)."""
        window = self.parentWidget()
        if self._theme.portrait or window is None:
            return False
        px = self._theme.px
        card = window.width() - 64 - 2 * px(56)
        column = (card - (len(langs) - 1) * px(40)) / len(langs)
        metrics = QFontMetricsF(self._theme.font("h1"))
        return all(metrics.horizontalAdvance(ui("idle-title")(lang)) <= column for lang in langs)

    def _block(self, lang: str, title_role: str, body_role: str) -> QWidget:
        block = QWidget()
        block.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if is_right_to_left(lang) else Qt.LayoutDirection.LeftToRight
        )
        column = QVBoxLayout(block)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self._theme.px(8))
        title = TextLabel(self._language, _in(lang, "idle-title"), title_role)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(title)
        body = TextLabel(self._language, _in(lang, "idle-body"), body_role, tone="secondary")
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(body)
        return block

    def open(self) -> None:
        self._show_languages()
        super().open()
        self.centre_panel(min(self.width() - 64, self.panel.sizeHint().width() + 200))
        self._tick.start()

    def hideEvent(self, event: object) -> None:
        self._tick.stop()
        super().hideEvent(event)  # type: ignore[arg-type]
