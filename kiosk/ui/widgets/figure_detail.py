"""The detail card of a figure: label, value and unit, scope, and the report's own sentence.

It covers its page with a dimmed backdrop; a tap anywhere outside the card closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.content import Figure
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.widgets.figure_card import FigureNumber
from kiosk.ui.widgets.text import Paragraph, TextLabel


class FigureDetail(QWidget):
    def __init__(self, page: QWidget, language: LanguageState, theme: th.Theme) -> None:
        super().__init__(page)
        self._language = language
        self._theme = theme
        self.figure: Figure | None = None
        self.card = QFrame(self)
        self.card.setObjectName("detail-card")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QVBoxLayout(self.card)
        pad = theme.px(48)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(theme.px(12))
        self._press: QPoint | None = None
        page.installEventFilter(self)
        self.hide()

    def show_figure(self, figure: Figure, accent: str) -> None:
        self._clear()
        self.figure = figure
        theme, language = self._theme, self._language
        self.card.setStyleSheet(
            f"#detail-card {{ background: {theme.palette.surface_raised}; border-radius: {theme.radius}px;"
            f" border: {theme.px(3)}px solid {accent}; }}"
        )
        layout = self._layout
        self.title = TextLabel(language, figure.label, "h2")
        layout.addWidget(self.title)
        self.number = FigureNumber(language, figure, theme, "figure", accent)
        layout.addWidget(self.number)
        if figure.context is not None:
            layout.addWidget(TextLabel(language, figure.context, "body", tone="secondary"))
        layout.addSpacing(theme.px(12))
        layout.addWidget(TextLabel(language, ui("from-report"), "label", tone="secondary"))
        self.sentence = Paragraph(language, figure.sentence, theme, "body")
        layout.addWidget(self.sentence)
        layout.addSpacing(theme.px(8))
        layout.addWidget(TextLabel(language, ui("close-hint"), "caption", tone="secondary"))
        for index in range(layout.count()):
            item = layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.show()
        self._place()
        self.show()
        self.raise_()

    def close_detail(self) -> None:
        if self.isVisible():
            self.hide()

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        width = min(self.width() - 2 * self._theme.margin, self._theme.px(1100))
        height = min(self._layout.totalHeightForWidth(width), self.height() - 2 * self._theme.margin)
        self.card.setGeometry((self.width() - width) // 2, (self.height() - height) // 2, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        if watched is self.parentWidget() and event.type() == QEvent.Type.Hide:
            self.close_detail()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        event.accept()
        if press is not None and not self.card.geometry().contains(press):
            self.close_detail()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._theme.palette.detail_backdrop))
        painter.end()
