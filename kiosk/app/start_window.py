"""The starting window (`kiosk.app.start_frame`): the stored home screen, full screen, until
the live window's first frame covers it. The input it gets goes to the live window, in order;
what came before there was one is kept for it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QMouseEvent, QPainter, QPaintEvent, QWindow
from PySide6.QtWidgets import QWidget

PASSED_ON = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
}  # fmt: skip


class StartWindow(QWidget):
    """A frameless window showing `image`, drawn from `pixels` (kept alive with it)."""

    shown = Signal()  # the picture is on screen

    def __init__(self, image: QImage, pixels: bytes) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint)
        self.setObjectName("start-window")
        # Every pixel comes from the picture: Qt need not clear the window first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        # Touches come as the mouse events Qt makes of them: passed on, they land where the
        # finger is. A touch event passed on would go back here, to the touch point's grabber.
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        self._image = image
        self._pixels = pixels  # the QImage draws from these bytes without a copy
        self._held: list[QEvent] = []
        self._live: QWindow | None = None
        self._done = False
        self._shown = False
        self._pressed = False  # a mouse button (or a finger) is down on the picture
        self._retire_to: QWidget | None = None  # the live window, once this one may go

    @property
    def held(self) -> int:
        """Input events waiting for the live window."""
        return len(self._held)

    def paintEvent(self, _event: QPaintEvent) -> None:
        QPainter(self).drawImage(0, 0, self._image)
        if not self._shown:
            self._shown = True
            # A zero timer set from the paint runs once the frame is flushed to the screen.
            QTimer.singleShot(0, self, self.shown.emit)

    def event(self, event: QEvent) -> bool:
        if event.type() not in PASSED_ON:
            return super().event(event)
        self._held.append(event.clone())
        if self._live is not None:
            # Once Qt is done with the event here: passed on from inside its delivery, a
            # release would find this window still holding the press, and come back.
            QTimer.singleShot(0, self, self._pass_on)
        if isinstance(event, QMouseEvent):
            self._pressed = event.buttons() != Qt.MouseButton.NoButton
            if not self._pressed and self._retire_to is not None:
                self.retire(self._retire_to)
        return True

    def pass_input_to(self, live: QWidget) -> int:
        """From now on the input goes to `live`; what was kept goes first. Call it once `live`
        has its first frame on screen: a press delivered to a window still being exposed and
        activated loses its button's pressed state, and its release then clicks nothing."""
        self._live = live.windowHandle()
        return self._pass_on()

    def _pass_on(self) -> int:
        """Everything kept, delivered now and in order (a press and its release in one turn);
        returns how many events that was."""
        if self._live is None:
            return 0
        held, self._held = self._held, []
        for event in held:
            QCoreApplication.sendEvent(self._live, event)
        return len(held)

    def retire(self, live: QWidget) -> None:
        """The live window's first frame is on screen: this window goes, the keyboard follows.
        Not while a press on it lasts: the X server would end the press's grab with the window,
        and its release would be lost (the live window's button left down)."""
        if self._pressed:
            self._retire_to = live
            return
        if self.isActiveWindow():
            live.activateWindow()
        self._done = True
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only the kiosk closes it: no key or close request reaches the picture.
        if self._done:
            super().closeEvent(event)
        else:
            event.ignore()
