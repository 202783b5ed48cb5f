"""A pyqtgraph plot made safe for a kiosk: no pan, zoom, auto-range button or context menu.

pyqtgraph's own menu offers "Export...", which opens a file dialog: a way out of the kiosk.
This view never passes mouse events to the graphics scene, so no pyqtgraph interaction or
menu can start; a short tap is reported in data coordinates instead.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QWidget

from kiosk.ui import theme as th

# Before the first plot is made (pyqtgraph reads these when items are created). Antialiasing
# stays off: bars and cells are axis-aligned rectangles; the one line that needs it asks for it.
# No foreground here: it is process-wide, and each plot's colours come from its own theme.
pg.setConfigOptions(antialias=False, useOpenGL=False, background=None)

TAP_SLOP = 24  # px a finger may move and still tap


class KioskPlot(pg.PlotWidget):  # type: ignore[misc]
    tapped = Signal(QPointF)  # where, in data coordinates

    def __init__(
        self, theme: th.Theme, parent: QWidget | None = None, *, mirrored_right_to_left: bool = True
    ) -> None:
        super().__init__(parent, background=None, enableMenu=False)  # no menus are even built
        # Bars grow and cells fill from where reading starts: the right in Arabic. A time axis
        # keeps its usual left-to-right course (its owner says so).
        self._mirrored_right_to_left = mirrored_right_to_left
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("background: transparent;")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        item = self.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.hideButtons()
        text = theme.palette.text
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.layout.setContentsMargins(0, 0, 0, 0)
        view = item.getViewBox()
        view.setMenuEnabled(False)
        view.setMouseEnabled(x=False, y=False)
        view.disableAutoRange()
        self._press: QPointF | None = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange and self._mirrored_right_to_left:
            self.view.invertX(self.isRightToLeft())
        super().changeEvent(event)

    @property
    def view(self) -> pg.ViewBox:
        return self.getPlotItem().getViewBox()

    def set_range(self, x: tuple[float, float], y: tuple[float, float]) -> None:
        self.view.setRange(xRange=x, yRange=y, padding=0)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        event.accept()
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() > TAP_SLOP:
            return
        self.tapped.emit(self.view.mapSceneToView(self.mapToScene(event.position().toPoint())))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()  # nothing opens
