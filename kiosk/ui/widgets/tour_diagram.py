"""A tour's illustrated diagram: numbered stops, the route drawn as the visitor advances, and
pinch-to-zoom with a drag to pan, kept within the drawing.

Touch is handled here, not by Qt's mouse synthesis: one finger taps a stop, swipes to the next
or previous stop (unzoomed) or pans (zoomed); two fingers pinch; a double tap zooms in or back.
The mouse taps and, when zoomed, drags.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content import Tour
from kiosk.i18n.digits import whole_number
from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.frame_clock import Tween
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.icons import artwork_size, paint_artwork, render_artwork

MAX_SCALE = 3.0
DOUBLE_TAP_ZOOM = 2.0
DOUBLE_TAP_S = 0.35
ROUTE_MS = 600
ROUTE_WIDTH = 0.009  # of the diagram's width
TAP_SLOP = 24  # design px a finger may move and still tap
SWIPE_TRAVEL = 40  # design px, as the page swipe
DEFAULT_ASPECT = 1.6  # the bundled diagrams' 1600 x 1000, for artwork with no size to draw at
# The widget's own proportions, whatever the artwork's: a 1 x 8192 px drawing would otherwise
# ask the layout for a widget millions of pixels tall.
LAYOUT_ASPECT = (0.25, 4.0)


class TourDiagram(QWidget):
    stop_tapped = Signal(int)
    swiped = Signal(int)  # +1: to the next stop, -1: to the previous
    view_changed = Signal(float)  # the zoom scale

    def __init__(
        self,
        tour: Tour,
        diagram: Path,
        language: LanguageState,
        theme: th.Theme,
        fit_width: bool = False,
        parent: QWidget | None = None,
        *,
        colour: str,
    ) -> None:
        super().__init__(parent)
        self._fit_width = fit_width  # portrait: as tall as the width needs, no taller
        self._height_cap: int | None = None
        self._tour = tour
        self._colour = colour  # the tour's vision's (kiosk.ui.vision_colours)
        self._language = language
        language.changed.connect(self.update)  # the stops' numbers are in the language's digits
        self._diagram = diagram
        self._theme = theme
        size = artwork_size(diagram)
        self._drawable = size is not None
        self._aspect = size.width() / size.height() if size is not None else DEFAULT_ASPECT
        self._layout_aspect = min(LAYOUT_ASPECT[1], max(LAYOUT_ASPECT[0], self._aspect))
        self._base_pixmap: QPixmap | None = None
        self._sharp: QImage | None = None  # the zoomed view rendered at full resolution
        self._scale = 1.0
        self._offset = QPointF(0.0, 0.0)
        self._current = 0
        self._route_t = 1.0
        self._route = Tween(theme.ms(ROUTE_MS), easing=QEasingCurve.Type.InOutCubic, parent=self)
        self._route.value_changed.connect(self._on_route_value_changed)
        self._gesture = ""
        self._start = QPointF()
        self._start_offset = QPointF()
        self._start_scale = 1.0
        self._start_distance = 1.0
        self._start_middle = QPointF()
        self._last_tap = (0.0, QPointF())
        self._press: QPointF | None = None
        self._sharpen = QTimer(self)
        self._sharpen.setSingleShot(True)
        self._sharpen.setInterval(80)
        self._sharpen.timeout.connect(self._render_sharp)
        self.reset_button = TouchButton(language, theme, ui("reset-view"), icon_path("close"), parent=self)
        self.reset_button.setObjectName("reset-view")
        self.reset_button.clicked.connect(self.reset_view)
        self.reset_button.hide()
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(fit_width)
        self.setSizePolicy(policy)
        self.setMinimumSize(theme.px(480), theme.px(300))

    # ---- geometry -------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return self._scale

    def diagram_rect(self) -> QRectF:
        """Where the whole diagram sits unzoomed: aspect kept, centred across, and down too
        where it is given more height than it needs."""
        width, height = float(self.width()), float(self.height())
        if width / max(1.0, height) > self._aspect:
            drawn = QRectF(0, 0, height * self._aspect, height)
        else:
            drawn = QRectF(0, 0, width, width / self._aspect)
        drawn.moveLeft((width - drawn.width()) / 2)
        drawn.moveTop((height - drawn.height()) / 2)
        return drawn

    def view_rect(self) -> QRectF:
        """Where the diagram is drawn now, zoom and pan applied."""
        rect = self.diagram_rect()
        return QRectF(self.to_widget(rect.topLeft()), self.to_widget(rect.bottomRight()))

    def to_widget(self, base: QPointF) -> QPointF:
        return base * self._scale + self._offset

    def to_base(self, point: QPointF) -> QPointF:
        return (point - self._offset) / self._scale

    def hotspot_centre(self, index: int) -> QPointF:
        spot = self._tour.stops[index].hotspot
        return self.diagram_point(spot.x, spot.y)

    def hotspot_radius(self) -> float:
        """Half a touch target at least; about a node of the drawing otherwise."""
        return max(self._theme.target(88) / 2, self.diagram_rect().width() * self._scale * 0.06)

    def hotspot_at(self, position: QPointF) -> int | None:
        radius = self.hotspot_radius()
        for index in range(len(self._tour.stops)):
            delta = position - self.hotspot_centre(index)
            if delta.x() ** 2 + delta.y() ** 2 <= radius**2:
                return index
        return None

    def hasHeightForWidth(self) -> bool:
        return self._fit_width

    def heightForWidth(self, width: int) -> int:
        natural = max(1, round(width / self._layout_aspect))
        return natural if self._height_cap is None else min(natural, self._height_cap)

    def set_height_cap(self, cap: int | None) -> None:
        """Portrait: the most height the map may take, so that a long stop below it shows
        whole (the drawing keeps its aspect, centred); None: as tall as the width asks."""
        if cap is not None:
            cap = max(cap, self.minimumHeight())
        if cap != self._height_cap:
            self._height_cap = cap
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        if not self._fit_width:  # beside the stop panel it takes the room left, whatever it is
            return self.minimumSize()
        width = self._theme.px(1100)
        return QSize(width, self.heightForWidth(width))

    # ---- zoom and pan ---------------------------------------------------------------------

    def zoom_at(self, point: QPointF, scale: float) -> None:
        """Zoom to `scale` (1..3), keeping the drawing under `point` where it is."""
        base = self.to_base(point)
        self._scale = min(MAX_SCALE, max(1.0, scale))
        self._offset = point - base * self._scale
        self._apply_view()

    def pan_by(self, delta: QPointF) -> None:
        self._offset += delta
        self._apply_view()

    def reset_view(self) -> None:
        self._scale, self._offset = 1.0, QPointF(0.0, 0.0)
        self._apply_view()

    def _apply_view(self) -> None:
        """Clamp the pan so the drawing always covers where it sat unzoomed: never lost off-screen."""
        rect = self.diagram_rect()
        s = self._scale
        x = min(rect.left() * (1 - s), max(rect.right() * (1 - s), self._offset.x()))
        y = min(rect.top() * (1 - s), max(rect.bottom() * (1 - s), self._offset.y()))
        self._offset = QPointF(x, y)
        self._sharp = None
        self.reset_button.setVisible(self._scale > 1.001)
        self._place_reset_button()
        if self._scale > 1.001:
            self._sharpen.start()
        self.view_changed.emit(self._scale)
        self.update()

    def _place_reset_button(self) -> None:
        hint = self.reset_button.sizeHint()
        margin = self._theme.px(16)
        self.reset_button.setGeometry(
            self.width() - hint.width() - margin, margin, hint.width(), hint.height()
        )

    # ---- stops and the route --------------------------------------------------------------

    def set_current(self, index: int, animate: bool = True) -> None:
        forward = index == self._current + 1
        self._current = index
        self._route.stop()
        if animate and forward and not self._theme.reduced_motion:
            self._route_t = 0.0
            self._route.start()
        else:
            self._route_t = 1.0
        self.update()

    @property
    def current(self) -> int:
        return self._current

    @property
    def stop_count(self) -> int:
        return len(self._tour.stops)

    @property
    def route_progress(self) -> float:
        """How much of the way to the current stop is drawn (1.0: all of it)."""
        return self._route_t

    def _on_route_value_changed(self, value: float) -> None:
        self._route_t = float(value)
        self.update()

    def diagram_point(self, x: float, y: float) -> QPointF:
        """A point given as shares of the diagram's width and height, where it is drawn now."""
        rect = self.diagram_rect()
        return self.to_widget(QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height()))

    def leg_points(self, index: int) -> list[QPointF]:
        """The way from stop `index - 1` to stop `index`: the two stops and the road between."""
        route = [self.diagram_point(point.x, point.y) for point in self._tour.stops[index].route]
        return [self.hotspot_centre(index - 1), *route, self.hotspot_centre(index)]

    def route_path(self) -> QPainterPath:
        """The whole way walked from the first stop to the current one."""
        return self._route_path()[0]

    def _route_path(self) -> tuple[QPainterPath, float]:
        """The walked way through stops 0..current, and how much of it is drawn now.

        Where the content gives the road's points the route follows them as a smooth curve
        (Catmull-Rom, through every point); else it bends gently from stop to stop."""
        path = QPainterPath(self.hotspot_centre(0))
        before_last = 0.0
        for index in range(1, self._current + 1):
            if index == self._current:
                before_last = path.length()
            points = self.leg_points(index)
            if len(points) == 2:
                start, end = points
                middle = (start + end) / 2
                normal = QPointF(-(end - start).y(), (end - start).x()) * 0.12
                path.quadTo(middle + normal, end)
                continue
            for at in range(len(points) - 1):
                before = points[max(0, at - 1)]
                start, end = points[at], points[at + 1]
                after = points[min(len(points) - 1, at + 2)]
                path.cubicTo(start + (end - before) / 6, end - (after - start) / 6, end)
        last = path.length() - before_last
        return path, before_last + last * self._route_t

    # ---- input: touch ---------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            self._on_touch(event)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._gesture = ""
            return True
        return super().event(event)

    def _on_touch(self, event: QTouchEvent) -> None:
        points = [p for p in event.points() if p.state() != p.State.Released]
        if event.type() == QEvent.Type.TouchBegin:
            self._begin_single(event.points()[0].position())
            # Touch over a child button reaches this widget (it takes touch); press it here.
            if self._on_reset_button(self._start):
                self.reset_button.setDown(True)
                self._gesture = "button"
        if len(points) >= 2:
            self._pinch(points[0].position(), points[1].position())
        elif len(points) == 1 and self._gesture != "pinch":
            self._move_single(points[0].position())
        if event.type() == QEvent.Type.TouchEnd:
            self._end_single(event.points()[0].position())

    def _begin_single(self, position: QPointF) -> None:
        self._gesture = "tap"
        self._start = QPointF(position)
        self._start_offset = QPointF(self._offset)

    def _move_single(self, position: QPointF) -> None:
        delta = position - self._start
        slop = self._theme.px(TAP_SLOP)
        if self._gesture == "tap" and delta.manhattanLength() > slop:
            zoomed = self._scale > 1.001
            self._gesture = "pan" if zoomed else "drag"
        if self._gesture == "pan":
            self._offset = self._start_offset + delta
            self._apply_view()

    def _pinch(self, first: QPointF, second: QPointF) -> None:
        middle = (first + second) / 2
        distance = max(1.0, ((first - second).x() ** 2 + (first - second).y() ** 2) ** 0.5)
        if self._gesture != "pinch":
            self._gesture = "pinch"
            self._start_scale, self._start_distance = self._scale, distance
            self._start_middle, self._start_offset = QPointF(middle), QPointF(self._offset)
        base = (self._start_middle - self._start_offset) / self._start_scale
        self._scale = min(MAX_SCALE, max(1.0, self._start_scale * distance / self._start_distance))
        self._offset = middle - base * self._scale
        self._apply_view()

    def _on_reset_button(self, position: QPointF) -> bool:
        return self.reset_button.isVisible() and self.reset_button.geometry().contains(position.toPoint())

    def _end_single(self, position: QPointF) -> None:
        gesture, self._gesture = self._gesture, ""
        delta = position - self._start
        if gesture == "button":
            self.reset_button.setDown(False)
            if self._on_reset_button(position):
                self.reset_button.click()
        elif gesture == "tap":
            self._tap(position)
        elif gesture == "drag":
            travel = self._theme.px(SWIPE_TRAVEL)
            if abs(delta.x()) >= travel and abs(delta.x()) >= 1.5 * abs(delta.y()):
                # The next stop comes from where reading goes on, as with the page swipe.
                onward = delta.x() > 0 if self.isRightToLeft() else delta.x() < 0
                self.swiped.emit(1 if onward else -1)

    def _tap(self, position: QPointF) -> None:
        now = time.monotonic()
        last_time, last_place = self._last_tap
        if now - last_time <= DOUBLE_TAP_S and (position - last_place).manhattanLength() <= self._theme.px(
            48
        ):
            self._last_tap = (0.0, QPointF())
            if self._scale > 1.001:
                self.reset_view()
            else:
                self.zoom_at(position, DOUBLE_TAP_ZOOM)
            return
        self._last_tap = (now, QPointF(position))
        index = self.hotspot_at(position)
        if index is not None:
            self.stop_tapped.emit(index)

    # ---- input: mouse (desktop and tests without a touchscreen) ---------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        self._begin_single(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._scale > 1.001:
            self._move_single(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        gesture, self._gesture = self._gesture, ""
        event.accept()
        if press is not None and gesture == "tap" and event.button() == Qt.MouseButton.LeftButton:
            index = self.hotspot_at(event.position())
            if index is not None and index == self.hotspot_at(press):
                self.stop_tapped.emit(index)

    def claims_drag(self) -> bool:
        """While zoomed a drag pans the map (the page's swipe detector leaves it alone)."""
        return self._scale > 1.001

    # ---- painting -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._base_pixmap = None
        self._sharp = None
        super().resizeEvent(event)
        self._apply_view()

    def _render_sharp(self) -> None:
        """The zoomed view drawn from the artwork at full resolution (the scaled pixmap is soft)."""
        if self._scale <= 1.001 or not self._drawable or self.width() < 1 or self.height() < 1:
            return
        ratio = self.devicePixelRatioF()
        image = QImage(
            round(self.width() * ratio),
            round(self.height() * ratio),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        if image.isNull():
            return
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_artwork(painter, self._diagram, self.view_rect())
        painter.end()
        self._sharp = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.diagram_rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # The route goes under the drawing: it lights up the road, and the drawing's opaque
        # sites (the stops and the places passed on the way) stay whole above it.
        self._paint_route(painter)
        if self._sharp is not None:
            painter.drawImage(QPointF(0, 0), self._sharp)
        elif self._drawable and rect.width() >= 1 and rect.height() >= 1:
            if self._base_pixmap is None:
                image = render_artwork(
                    self._diagram, int(rect.width()), int(rect.height()), self.devicePixelRatioF()
                )
                self._base_pixmap = QPixmap.fromImage(image)
            if not self._base_pixmap.isNull():
                painter.drawPixmap(self.view_rect(), self._base_pixmap, QRectF(self._base_pixmap.rect()))
        for index in range(len(self._tour.stops)):
            self._paint_hotspot(painter, index)
        painter.end()

    def _paint_route(self, painter: QPainter) -> None:
        if self._current <= 0:
            return
        path, drawn = self._route_path()
        # A little wider than the drawn road's markings, zoomed with the drawing.
        width = max(float(self._theme.px(6)), self.view_rect().width() * ROUTE_WIDTH)
        pen = QPen(QColor(self._colour), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        # Draw only the walked length: one dash that long, then a gap longer than the path.
        pen.setDashPattern([max(0.01, drawn / width), (path.length() + 10) / width])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_hotspot(self, painter: QPainter, index: int) -> None:
        centre = self.hotspot_centre(index)
        radius = self.hotspot_radius()
        current = index == self._current
        colour = QColor(self._colour)
        colours = self._theme.palette
        ring = QPen(
            colour if current or index < self._current else th.color(colours.text, 0.7), self._theme.px(5)
        )
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)
        if current:
            halo = QPen(th.color(self._colour, 0.35), self._theme.px(14))
            painter.setPen(halo)
            painter.drawEllipse(centre, radius + self._theme.px(10), radius + self._theme.px(10))
        badge = self._theme.px(28)
        # The number sits at the ring's leading top corner, where a reader's eye arrives first.
        lead = radius * 0.72 if self.isRightToLeft() else -radius * 0.72
        badge_centre = centre + QPointF(lead, -radius * 0.72)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour if current else QColor(colours.surface_raised))
        painter.drawEllipse(badge_centre, badge, badge)
        painter.setPen(QColor(colours.on_colour) if current else QColor(colours.text))
        painter.setFont(self._theme.font("label"))
        box = QRectF(badge_centre.x() - badge, badge_centre.y() - badge, badge * 2, badge * 2)
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignCenter), whole_number(index + 1, self._language.current)
        )
