"""Swipes and drag-scrolling over the page area, told apart from taps.

Watches the window's mouse stream (touch arrives as synthesized mouse events), so it sees
every press once, before any widget. Once a drag passes the threshold with a clear
direction it stops being a tap: the pressed button is released without clicking and the
rest of that press is consumed, so a swipe never also counts as a tap. A horizontal drag
is a swipe (next / previous); a vertical one scrolls the scroll area under the finger with
QScroller's kinetic physics, when that area has something to scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QScroller, QWidget

# A swipe must travel this far (design px) and be this much more horizontal than vertical.
SWIPE_THRESHOLD = 40
DIRECTION_RATIO = 1.5


class SwipeDetector(QObject):
    """Emits `swiped(+1)` for a swipe to the left (next) and `swiped(-1)` to the right (back)."""

    swiped = Signal(int)
    pressed = Signal(object)  # any finger or button down in the window: the widget under it

    def __init__(self, area: QWidget, threshold_px: int = SWIPE_THRESHOLD) -> None:
        super().__init__(area)
        self._area = area
        self._threshold = threshold_px
        self._start: QPointF | None = None
        self._pressed: QWidget | None = None
        self._swiping = False
        self._scroller: QScroller | None = None
        self._scroll_area: QAbstractScrollArea | None = None

    def set_threshold(self, threshold_px: int) -> None:
        self._threshold = threshold_px

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        self._notify_press(event)
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            return self._on_press(event)
        if self._start is None or not isinstance(event, QMouseEvent):
            return False
        if kind == QEvent.Type.MouseMove:
            return self._on_move(event)
        if kind == QEvent.Type.MouseButtonRelease:
            swiping, delta = self._swiping, event.globalPosition() - self._start
            scroller, self._scroller = self._scroller, None
            self._start, self._pressed, self._swiping = None, None, False
            if scroller is not None:
                scroller.handleInput(
                    QScroller.Input.InputRelease, self._viewport_pos(event), event.timestamp()
                )
                return True
            if swiping:
                self.swiped.emit(1 if delta.x() < 0 else -1)
            return swiping
        return False

    def _notify_press(self, event: QEvent) -> None:
        """Tell `pressed` about every new touch or real mouse press (not the mouse events Qt
        makes from a touch: that touch was told already)."""
        window = self._area.window()
        if isinstance(event, QTouchEvent) and event.type() == QEvent.Type.TouchBegin and event.points():
            self.pressed.emit(window.childAt(event.points()[0].position().toPoint()))
        elif (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonPress
            and event.source() == Qt.MouseEventSource.MouseEventNotSynthesized
        ):
            self.pressed.emit(window.childAt(event.position().toPoint()))

    def _viewport_pos(self, event: QMouseEvent) -> QPointF:
        assert self._scroll_area is not None
        return QPointF(self._scroll_area.viewport().mapFromGlobal(event.globalPosition().toPoint()))

    def _on_press(self, event: QMouseEvent) -> bool:
        position = event.globalPosition()
        local = self._area.mapFromGlobal(position.toPoint())
        if not self._area.isVisible() or not self._area.rect().contains(local):
            self._start = None
            return False
        self._start = QPointF(position)
        window = self._area.window()
        self._pressed = window.childAt(window.mapFromGlobal(position.toPoint()))
        if self._claimed(self._pressed):
            self._start = None
            return False
        self._swiping = False
        self._scroller = None
        self._scroll_area = self._scroll_area_under(self._pressed)
        if self._scroll_area is not None:
            active = QScroller.scroller(self._scroll_area.viewport())
            if active.state() == QScroller.State.Scrolling:
                active.stop()  # a touch catches a fling in flight
        return False

    @staticmethod
    def _claimed(widget: QWidget | None) -> bool:
        """A widget that handles its own drags right now (a zoomed map pans) is left alone."""
        while widget is not None:
            claims = getattr(widget, "claims_drag", None)
            if callable(claims) and claims():
                return True
            widget = widget.parentWidget()
        return False

    @staticmethod
    def _scroll_area_under(widget: QWidget | None) -> QAbstractScrollArea | None:
        while widget is not None:
            if isinstance(widget, QAbstractScrollArea) and widget.verticalScrollBar().maximum() > 0:
                return widget
            widget = widget.parentWidget()
        return None

    def _on_move(self, event: QMouseEvent) -> bool:
        assert self._start is not None
        if self._scroller is not None:
            self._scroller.handleInput(
                QScroller.Input.InputMove, self._viewport_pos(event), event.timestamp()
            )
            return True
        if self._swiping:
            return True
        delta = event.globalPosition() - self._start
        if abs(delta.x()) >= self._threshold and abs(delta.x()) >= DIRECTION_RATIO * abs(delta.y()):
            self._swiping = True
            self._cancel_press()
            return True
        if (
            self._scroll_area is not None
            and abs(delta.y()) >= self._threshold / 2
            and abs(delta.y()) > abs(delta.x())
        ):
            self._cancel_press()
            self._scroller = QScroller.scroller(self._scroll_area.viewport())
            start = QPointF(self._scroll_area.viewport().mapFromGlobal(self._start.toPoint()))
            self._scroller.handleInput(QScroller.Input.InputPress, start, event.timestamp())
            self._scroller.handleInput(
                QScroller.Input.InputMove, self._viewport_pos(event), event.timestamp()
            )
            return True
        return False

    def _cancel_press(self) -> None:
        widget = self._pressed
        while widget is not None and not isinstance(widget, QAbstractButton):
            widget = widget.parentWidget()
        if isinstance(widget, QAbstractButton):
            widget.setDown(False)
