"""The idle warning: "Still exploring? Tap the screen to keep exploring", with a ring counting 15 seconds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.text import TextLabel


def _in(lang: str, key: str) -> Callable[[str], str]:
    """A UI string fixed to one language, whatever the visitor's current one."""
    return lambda _current: ui(key)(lang)


class CountdownRing(QWidget):
    """The seconds left, in a ring that empties as they run out."""

    def __init__(self, theme: th.Theme, remaining_ms: Callable[[], int], total_ms: int) -> None:
        super().__init__()
        self._theme = theme
        self._remaining = remaining_ms
        self.total_ms = total_ms
        side = theme.px(220)
        self.setFixedSize(QSize(side, side))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def seconds_left(self) -> int:
        return max(0, (self._remaining() + 999) // 1000)

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
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), str(self.seconds_left()))
        painter.end()


class CountdownOverlay(Overlay):
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
        layout = self.card(theme, theme.palette.accent, padding=56, spacing=20)
        self.ring = CountdownRing(theme, remaining_ms, total_ms)
        layout.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignHCenter)
        # Both languages at once: the visitor who walked up may read either.
        for lang in language.languages:
            title = TextLabel(language, _in(lang, "idle-title"), "h1")
            title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(title)
            body = TextLabel(language, _in(lang, "idle-body"), "body", tone="secondary")
            body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(body)
        row = QHBoxLayout()
        row.addStretch(1)
        self.extend_button = TouchButton(
            language,
            theme,
            lambda _l: " · ".join(ui("idle-extend")(lang) for lang in language.languages),
            None,
            filled=True,
            colour=theme.palette.accent,
        )
        self.extend_button.clicked.connect(self.extend_requested)
        row.addWidget(self.extend_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self.ring.update)
        self.hide()

    def open(self) -> None:
        super().open()
        self.centre_panel(min(self.width() - 64, self.panel.sizeHint().width() + 200))
        self._tick.start()

    def hideEvent(self, event: object) -> None:
        self._tick.stop()
        super().hideEvent(event)  # type: ignore[arg-type]
