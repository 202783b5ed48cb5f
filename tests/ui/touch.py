"""A finger for the tests: taps and swipes as real touch events (QTest.touchEvent)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


@cache
def touchscreen() -> QPointingDevice:
    return QTest.createTouchDevice()


def _in_window(widget: QWidget, point: QPoint | None) -> tuple[QWidget, QPoint]:
    QApplication.processEvents()  # pending layouts first: aim where the control is now
    window = widget.window()
    local = point if point is not None else widget.rect().center()
    return window, widget.mapTo(window, local)


def tap(widget: QWidget, point: QPoint | None = None) -> None:
    """Touch down and up on `widget` (its centre by default)."""
    window, at = _in_window(widget, point)
    QTest.touchEvent(window, touchscreen()).press(0, at, window).commit()
    QTest.touchEvent(window, touchscreen()).release(0, at, window).commit()
    QApplication.processEvents()


def press(widget: QWidget, point: QPoint | None = None) -> QPoint:
    window, at = _in_window(widget, point)
    QTest.touchEvent(window, touchscreen()).press(0, at, window).commit()
    QApplication.processEvents()
    return at


def release(widget: QWidget, at: QPoint) -> None:
    window = widget.window()
    QTest.touchEvent(window, touchscreen()).release(0, at, window).commit()
    QApplication.processEvents()


def swipe(widget: QWidget, dx: int, dy: int = 0, steps: int = 8, start: QPoint | None = None) -> None:
    """A finger drag of (dx, dy) px across `widget`, starting at its centre."""
    window, at = _in_window(widget, start)
    QTest.touchEvent(window, touchscreen()).press(0, at, window).commit()
    for step in range(1, steps + 1):
        point = at + QPoint(round(dx * step / steps), round(dy * step / steps))
        QTest.touchEvent(window, touchscreen()).move(0, point, window).commit()
    end = at + QPoint(dx, dy)
    QTest.touchEvent(window, touchscreen()).release(0, end, window).commit()
    QApplication.processEvents()


def pinch(
    widget: QWidget, centre: QPoint, start_gap: int, end_gap: int, steps: int = 6, pan: QPoint | None = None
) -> None:
    """Two fingers on `widget` around `centre`, moving from `start_gap` to `end_gap` px apart
    (and, with `pan`, their middle moving by that much)."""
    window = widget.window()
    at = widget.mapTo(window, centre)
    shift = pan or QPoint(0, 0)
    device = touchscreen()

    def fingers(gap: int, moved: QPoint) -> tuple[QPoint, QPoint]:
        return at + moved + QPoint(-gap // 2, 0), at + moved + QPoint(gap // 2, 0)

    first, second = fingers(start_gap, QPoint(0, 0))
    QTest.touchEvent(window, device).press(0, first, window).press(1, second, window).commit()
    for step in range(1, steps + 1):
        gap = start_gap + (end_gap - start_gap) * step // steps
        first, second = fingers(gap, QPoint(shift.x() * step // steps, shift.y() * step // steps))
        QTest.touchEvent(window, device).move(0, first, window).move(1, second, window).commit()
    QTest.touchEvent(window, device).release(0, first, window).release(1, second, window).commit()
    QApplication.processEvents()
