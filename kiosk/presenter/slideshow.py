"""Presenter mode: the content as slides on the audience screen, driven by keys or a clicker,
with auto-advance, black and white screens, and a presenter view on a second screen.

The audience window is the kiosk's own main window without its navigation bar; the slide
order comes from the content's playlist, else every page (every stop, every voice) in order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.pages import SlideRef, slide_list
from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P}
BLACK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class Blank(QWidget):
    """A black or white screen over the audience window; any key brings the slide back."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.colour = QColor("black")
        self.hide()

    def show_colour(self, colour: str) -> None:
        self.colour = QColor(colour)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()


class Slideshow(QObject):
    """Drives `window` slide by slide. Keys reach it from every window it watches."""

    slide_changed = Signal(int)
    blanked = Signal(str)  # "black", "white" or "" when the slide is back
    auto_changed = Signal(bool)
    ended = Signal()
    fullscreen_toggled = Signal()

    def __init__(
        self,
        window: MainWindow,
        interval_s: float | None = None,
        loop: bool = False,
        time_scale: float = 1.0,
    ) -> None:
        super().__init__(window)
        self.window = window
        assert window.loaded is not None
        self.slides: tuple[SlideRef, ...] = slide_list(window.loaded.content, interval_s)
        self.loop = loop
        self.index = -1
        self.auto = True
        self.blank = Blank(window)
        self._time_scale = time_scale
        self._typed = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a slide's time is the presenter's plan
        self._timer.timeout.connect(self._on_timer_timeout)
        if window.nav is not None:
            window.nav.hide()  # the audience sees slides, not the kiosk's controls
        self.watch(window)

    # ---- moving ---------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self.slides)

    @property
    def current(self) -> SlideRef:
        return self.slides[self.index]

    def next_slide(self) -> SlideRef | None:
        if self.index + 1 < self.count:
            return self.slides[self.index + 1]
        return self.slides[0] if self.loop else None

    def go(self, index: int) -> None:
        """Show slide `index` (clamped); the auto-advance rhythm restarts from here."""
        index = max(0, min(index, self.count - 1))
        direction = 0 if self.index < 0 else (1 if index > self.index else -1)
        self.index = index
        slide = self.slides[index]
        same_page = self.window.current_id == slide.page
        self.window.go_to(slide.page, direction=0 if same_page else direction, remember=False)
        page = self.window.current_page
        if page is not None and slide.step is not None:
            page.set_step(slide.step)
        self._restart_timer()
        self.slide_changed.emit(index)

    def forward(self) -> None:
        if self.index + 1 < self.count:
            self.go(self.index + 1)
        elif self.loop:
            self.go(0)
        else:
            self._timer.stop()  # the last slide stays

    def back(self) -> None:
        self.go(self.index - 1)

    def start(self, index: int = 0) -> None:
        self.go(index)

    # ---- auto-advance and blanking --------------------------------------------------------

    def set_auto(self, on: bool) -> None:
        self.auto = on
        self._restart_timer()
        self.auto_changed.emit(on)

    def _restart_timer(self) -> None:
        self._timer.stop()
        if self.auto and not self.blank.isVisible() and self.index >= 0:
            self._timer.start(round(self.current.duration_s * 1000 * self._time_scale))

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def _on_timer_timeout(self) -> None:
        self.forward()

    def set_blank(self, colour: str) -> None:
        """Black or white screen; auto-advance waits while it shows."""
        if colour:
            self._timer.stop()
            self.blank.show_colour(colour)
        else:
            self.blank.hide()
            self._restart_timer()
        self.blanked.emit(colour)

    # ---- keys -----------------------------------------------------------------------------

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self.key(Qt.Key(event.key()), event.modifiers())
            return True
        return False

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key of a keyboard or a presentation clicker."""
        if self.blank.isVisible():
            self.set_blank("")  # any key returns from a blank screen
            return
        if key in DIGITS:
            self._typed += str(DIGITS[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._typed:
            typed, self._typed = self._typed, ""
            self.go(int(typed) - 1)
            return
        self._typed = ""
        actions: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_Home: lambda: self.go(0),
            Qt.Key.Key_End: lambda: self.go(self.count - 1),
            Qt.Key.Key_W: lambda: self.set_blank("white"),
            Qt.Key.Key_A: lambda: self.set_auto(not self.auto),
            Qt.Key.Key_F: self.fullscreen_toggled.emit,
            Qt.Key.Key_Escape: self.ended.emit,
            # Clickers: F5 starts the show over, Shift+F5 resumes from here.
            Qt.Key.Key_F5: (lambda: self.set_auto(True))
            if modifiers & Qt.KeyboardModifier.ShiftModifier
            else (lambda: self.go(0)),
        }
        if key in NEXT_KEYS or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.forward()
        elif key in PREVIOUS_KEYS:
            self.back()
        elif key in BLACK_KEYS:
            self.set_blank("black")
        elif key in actions:
            actions[key]()
