"""The one place input is classified: taps, swipes, drag-scrolling, long presses and keys.

A single filter on the QApplication sees every touch, click and key once, where Qt hands it
to a top-level window and before any widget. It knows which layer is on top: a swipe is a
swipe only when it starts on the pages; over an overlay (PIN pad, attract loop, panel) the
finger's events go to that overlay untouched, so no swipe ever pages the view behind it and
any touch reaches the overlay. Keys go to the registered key handlers first (the lockdown's,
the slideshow's), whatever widget has the keyboard focus, so no scroll area swallows a
clicker's arrow or page keys.

Once a drag passes the threshold with a clear direction it stops being a tap: the pressed
button is released without clicking and the rest of that press is consumed. A horizontal
drag is a swipe (next / previous); a vertical one scrolls the scroll area under the finger
with QScroller's kinetic physics, when that area has something to scroll.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QScroller, QWidget

# A swipe must travel this far (design px) and be this much more horizontal than vertical.
SWIPE_THRESHOLD = 40
DIRECTION_RATIO = 1.5
LONG_PRESS_MS = 3000
HOLD_TOLERANCE = 24  # design px a held finger may wander

KeyHandler = Callable[[QKeyEvent], bool]  # True: the key was used, nobody else gets it
EventGuard = Callable[[QEvent], bool]  # True: the event is swallowed (e.g. context menus)

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class InputRouter(QObject):
    """Install once with `start()`; `stop()` removes it. `window` is the kiosk's window and
    `pages` the area swipes apply to."""

    activity = Signal()  # any touch, click, movement or key: a visitor is there
    pressed = Signal(object)  # a new touch or press in the window: the widget under it
    # +1 next, -1 previous: the finger pulls the next page in from where reading goes on, so
    # next is a swipe to the left in a left-to-right language and to the right in Arabic.
    swiped = Signal(int)
    held = Signal(QPoint)  # a press held still for `hold_ms`: where, in window coordinates

    def __init__(
        self,
        window: QWidget,
        pages: QWidget,
        threshold_px: int = SWIPE_THRESHOLD,
        hold_ms: int = LONG_PRESS_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._pages = pages
        self._threshold = threshold_px
        self._key_handlers: list[KeyHandler] = []
        self._guards: list[EventGuard] = []
        self._start: QPointF | None = None
        self._pressed: QWidget | None = None
        self._swiping = False
        self._scroller: QScroller | None = None
        self._scroll_area: QAbstractScrollArea | None = None
        self._hold_start: QPointF | None = None
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(hold_ms)
        self._hold.timeout.connect(self._on_hold_timeout)
        self._installed = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._hold.stop()

    def set_threshold(self, threshold_px: int) -> None:
        self._threshold = threshold_px

    def set_hold_ms(self, hold_ms: int) -> None:
        self._hold.setInterval(hold_ms)

    def pages_on_top(self, point: QPoint | None = None) -> bool:
        """Whether the pages show at `point` in the window (default: its centre), with no
        overlay (a PIN pad, the attract loop, a panel) over them."""
        under = self._window.childAt(point if point is not None else self._window.rect().center())
        return under is not None and (under is self._pages or self._pages.isAncestorOf(under))

    def add_key_handler(self, handler: KeyHandler, first: bool = False) -> None:
        """`handler` sees key presses before any widget; `first` puts it ahead of the others."""
        if first:
            self._key_handlers.insert(0, handler)
        else:
            self._key_handlers.append(handler)

    def remove_key_handler(self, handler: KeyHandler) -> None:
        if handler in self._key_handlers:
            self._key_handlers.remove(handler)

    def add_guard(self, guard: EventGuard) -> None:
        self._guards.append(guard)

    def remove_guard(self, guard: EventGuard) -> None:
        if guard in self._guards:
            self._guards.remove(guard)

    # ---- the filter -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: PLR0911 (one return per kind)
        kind = event.type()
        if any(guard(event) for guard in self._guards):
            return True
        if kind in _ACTIVITY:
            self.activity.emit()
        # Input reaches a top-level window first, then the widget: classify it there, once.
        if not isinstance(watched, QWindow):
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return any(handler(event) for handler in list(self._key_handlers))
        if watched is not self._window.windowHandle():
            return False
        self._notify_press(event)
        if not isinstance(event, QMouseEvent):
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self._begin_hold(event)
            return self._on_press(event)
        if kind == QEvent.Type.MouseMove:
            self._follow_hold(event)
            return self._on_move(event) if self._start is not None else False
        if kind == QEvent.Type.MouseButtonRelease:
            self._hold.stop()
            self._hold_start = None
            return self._on_release(event) if self._start is not None else False
        return False

    # ---- presses and long presses ---------------------------------------------------------

    def _notify_press(self, event: QEvent) -> None:
        """Tell `pressed` about every new touch or real mouse press (not the mouse events Qt
        makes from a touch: that touch was told already)."""
        if isinstance(event, QTouchEvent) and event.type() == QEvent.Type.TouchBegin and event.points():
            self.pressed.emit(self._window.childAt(event.points()[0].position().toPoint()))
        elif (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonPress
            and event.source() == Qt.MouseEventSource.MouseEventNotSynthesized
        ):
            self.pressed.emit(self._window.childAt(event.position().toPoint()))

    def _begin_hold(self, event: QMouseEvent) -> None:
        self._hold_start = QPointF(event.globalPosition())
        self._hold.start()

    def _follow_hold(self, event: QMouseEvent) -> None:
        if self._hold_start is None:
            return
        moved = event.globalPosition() - self._hold_start
        if abs(moved.x()) + abs(moved.y()) > self._threshold * HOLD_TOLERANCE / SWIPE_THRESHOLD:
            self._hold.stop()
            self._hold_start = None

    def _on_hold_timeout(self) -> None:
        if self._hold_start is not None:
            self.held.emit(self._window.mapFromGlobal(self._hold_start.toPoint()))
            self._hold_start = None

    # ---- swipes and drag-scrolling --------------------------------------------------------

    def _on_press(self, event: QMouseEvent) -> bool:
        self._start = None
        position = event.globalPosition()
        if not self._pages.isVisible():
            return False
        at = self._window.mapFromGlobal(position.toPoint())
        # Only a press on the pages themselves: an overlay on top keeps its own input.
        if not self.pages_on_top(at):
            return False
        under = self._window.childAt(at)
        if self._claimed(under):
            return False
        self._start = QPointF(position)
        self._pressed = under
        self._swiping = False
        self._scroller = None
        self._scroll_area = self._scroll_area_under(under)
        if self._scroll_area is not None:
            active = QScroller.scroller(self._scroll_area.viewport())
            if active.state() == QScroller.State.Scrolling:
                active.stop()  # a touch catches a fling in flight
        return False

    def _on_release(self, event: QMouseEvent) -> bool:
        assert self._start is not None
        swiping, delta = self._swiping, event.globalPosition() - self._start
        scroller, self._scroller = self._scroller, None
        self._start, self._pressed, self._swiping = None, None, False
        if scroller is not None:
            scroller.handleInput(QScroller.Input.InputRelease, self._viewport_pos(event), event.timestamp())
            return True
        if swiping:
            towards_start = delta.x() > 0 if self._pages.isRightToLeft() else delta.x() < 0
            self.swiped.emit(1 if towards_start else -1)
        return swiping

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

    def _viewport_pos(self, event: QMouseEvent) -> QPointF:
        assert self._scroll_area is not None
        return QPointF(self._scroll_area.viewport().mapFromGlobal(event.globalPosition().toPoint()))

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
            self._hold.stop()
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
