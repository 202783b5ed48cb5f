"""Right-to-left painting: the few geometric helpers the hand-painted widgets share.

Qt mirrors layouts and aligned text by itself once a window's layout direction is right to
left; a widget that places things at computed x positions mirrors them with these.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget


def begin_painter(widget: QWidget) -> QPainter:
    """A painter on `widget` that aligns and orders text in the widget's direction (a QPainter
    starts left to right whatever the widget's direction)."""
    painter = QPainter(widget)
    painter.setLayoutDirection(widget.layoutDirection())
    return painter


def visual_rect(widget: QWidget, bounds: QRectF, rect: QRectF) -> QRectF:
    """`rect`, laid out from the left of `bounds`, at its place in the widget's direction."""
    if not widget.isRightToLeft():
        return QRectF(rect)
    mirrored = QRectF(rect)
    mirrored.moveLeft(bounds.left() + bounds.right() - rect.right())
    return mirrored


def visual_x(widget: QWidget, bounds: QRectF, x: float, width: float) -> float:
    """The left edge of a box `width` wide at `x` from the left, in the widget's direction."""
    return bounds.left() + bounds.right() - x - width if widget.isRightToLeft() else x
