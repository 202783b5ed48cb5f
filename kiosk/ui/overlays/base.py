"""An overlay: covers its window, follows its size, dims or fills what is under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui import theme as th


class Overlay(QWidget):
    def __init__(self, window: QWidget, theme: th.Theme, backdrop: QColor | None = None) -> None:
        super().__init__(window)
        self._backdrop = backdrop or QColor(theme.palette.overlay_backdrop)
        self.setObjectName("overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setStyleSheet(theme.stylesheet())
        window.installEventFilter(self)
        # Subclasses end their constructor with `self.hide()` (an overlay starts hidden): hiding
        # here would run their hideEvent before their own attributes exist.

    def card(
        self, theme: th.Theme, accent: str | None = None, padding: int = 40, spacing: int = 16
    ) -> QVBoxLayout:
        """The overlay's panel (`self.panel`), framed in `accent`; returns its layout to fill."""
        self.panel = QFrame(self)
        self.panel.setObjectName("card")
        self.panel.setStyleSheet(card_style(theme, accent))
        layout = QVBoxLayout(self.panel)
        pad = theme.px(padding)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(theme.px(spacing))
        return layout

    def centre_panel(self, width: int) -> None:
        """Place the panel in the middle, `width` wide and as tall as it needs (within the window)."""
        width = min(width, self.width())
        # Wrapped text (diagnostics, long labels) needs more height at this width than the
        # panel's size hint says.
        layout = self.panel.layout()
        needed = self.panel.sizeHint().height()
        if layout is not None and layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(width))
        height = min(needed, self.height())
        self.panel.setGeometry((self.width() - width) // 2, (self.height() - height) // 2, width, height)

    def open(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return super().eventFilter(watched, event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # nothing under an overlay is pressed

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._backdrop)
        painter.end()


def card_style(theme: th.Theme, accent: str | None = None) -> str:
    accent = accent or theme.palette.line
    return (
        f"#card {{ background: {theme.palette.surface_raised}; border-radius: {theme.radius}px;"
        f" border: {theme.px(3)}px solid {accent}; }}"
    )
