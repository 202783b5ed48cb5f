"""A tour's illustrated diagram with its stops as numbered hotspots, the current one lit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content import Tour
from kiosk.ui import theme as th
from kiosk.ui.widgets.icons import render_svg


class TourDiagram(QWidget):
    """Draws the diagram to fit, keeping its aspect; hotspots sit at content-relative spots."""

    stop_tapped = Signal(int)

    def __init__(self, tour: Tour, diagram: Path, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tour = tour
        self._diagram = diagram
        self._theme = theme
        self._current = 0
        renderer = QSvgRenderer(str(diagram))
        size = renderer.defaultSize() if renderer.isValid() else QSize(1600, 1000)
        self._aspect = size.width() / max(1, size.height())
        self._pixmap: QPixmap | None = None
        self._press: QPointF | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(theme.px(480), theme.px(300))

    def set_current(self, index: int) -> None:
        self._current = index
        self.update()

    def diagram_rect(self) -> QRectF:
        """Where the diagram is drawn inside the widget: aspect kept, centred."""
        width, height = float(self.width()), float(self.height())
        if width / max(1.0, height) > self._aspect:
            drawn = QRectF(0, 0, height * self._aspect, height)
        else:
            drawn = QRectF(0, 0, width, width / self._aspect)
        drawn.moveCenter(QPointF(width / 2, height / 2))
        return drawn

    def hotspot_centre(self, index: int) -> QPointF:
        rect = self.diagram_rect()
        spot = self._tour.stops[index].hotspot
        return QPointF(rect.left() + spot.x * rect.width(), rect.top() + spot.y * rect.height())

    def hotspot_radius(self) -> float:
        """Half a touch target at least; about a node of the drawing otherwise."""
        return max(self._theme.target(88) / 2, self.diagram_rect().width() * 0.06)

    def hotspot_at(self, position: QPointF) -> int | None:
        radius = self.hotspot_radius()
        for index in range(len(self._tour.stops)):
            delta = position - self.hotspot_centre(index)
            if delta.x() ** 2 + delta.y() ** 2 <= radius**2:
                return index
        return None

    def sizeHint(self) -> QSize:
        width = self._theme.px(1100)
        return QSize(width, int(width / self._aspect))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._pixmap = None
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None:
            return
        index = self.hotspot_at(event.position())
        if index is not None and index == self.hotspot_at(press):
            self.stop_tapped.emit(index)

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.diagram_rect()
        if self._pixmap is None:
            image = render_svg(self._diagram, int(rect.width()), int(rect.height()), self.devicePixelRatioF())
            self._pixmap = QPixmap.fromImage(image)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(rect.topLeft(), self._pixmap)
        for index in range(len(self._tour.stops)):
            self._paint_hotspot(painter, index)
        painter.end()

    def _paint_hotspot(self, painter: QPainter, index: int) -> None:
        centre = self.hotspot_centre(index)
        radius = self.hotspot_radius()
        current = index == self._current
        colour = QColor(self._tour.color)
        ring = QPen(colour if current or index < self._current else th.color(th.TEXT, 0.7), self._theme.px(5))
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)
        if current:
            halo = QPen(th.color(self._tour.color, 0.35), self._theme.px(14))
            painter.setPen(halo)
            painter.drawEllipse(centre, radius + self._theme.px(10), radius + self._theme.px(10))
        badge = self._theme.px(28)
        badge_centre = centre + QPointF(-radius * 0.72, -radius * 0.72)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour if current else QColor(th.SURFACE_RAISED))
        painter.drawEllipse(badge_centre, badge, badge)
        painter.setPen(QColor(th.ON_COLOUR) if current else QColor(th.TEXT))
        painter.setFont(self._theme.font("label"))
        box = QRectF(badge_centre.x() - badge, badge_centre.y() - badge, badge * 2, badge * 2)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(index + 1))
