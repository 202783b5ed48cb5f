"""Presenter mode: the content as slides on the audience screen, driven by keys or a clicker,
with auto-advance, black and white screens, and a presenter view on a second screen.

The audience window is a view of the same session as the kiosk's, without its navigation bar;
the slide order comes from the content's playlist, else every page (every stop, every voice) in order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from kiosk.content.pages import SlideRef, slide_list
from kiosk.ui.session import Session

log = logging.getLogger(__name__)

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P}
BLACK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class Slideshow(QObject):
    """Drives `session` slide by slide, from keys, a clicker or its own timer."""

    slide_changed = Signal(int)
    blank_changed = Signal(str)  # "black", "white" or "" when the slide is back
    auto_changed = Signal(bool)
    ended = Signal()
    fullscreen_toggled = Signal()

    def __init__(
        self,
        session: Session,
        interval_s: float | None = None,
        loop: bool = False,
        time_scale: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        assert session.loaded is not None
        self.slides: tuple[SlideRef, ...] = slide_list(session.loaded.content, interval_s)
        self.loop = loop
        self.index = -1
        self.auto = True
        self.blanked = ""  # "black" or "white" while the screen is blank
        self._time_scale = time_scale
        self._typed = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a slide's time is the presenter's plan
        self._timer.timeout.connect(self._on_timer_timeout)

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
        same_page = self.session.current_id == slide.page
        self.session.go_to(
            slide.page, step=slide.step, direction=0 if same_page else direction, remember=False
        )
        self.slide_changed.emit(index)
        # After the presenter view has drawn its previews: the slide's time starts now.
        self._restart_timer()

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
        if self.auto and not self.blanked and self.index >= 0:
            self._timer.start(round(self.current.duration_s * 1000 * self._time_scale))

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def _on_timer_timeout(self) -> None:
        self.forward()

    def set_blank(self, colour: str) -> None:
        """Black or white screen; auto-advance waits while it shows."""
        self.blanked = colour
        if colour:
            self._timer.stop()
        else:
            self._restart_timer()
        self.blank_changed.emit(colour)

    # ---- keys -----------------------------------------------------------------------------

    def handle_key_event(self, event: QKeyEvent) -> bool:
        """For the input router: every key pressed in any of the show's windows, before the
        widget with the keyboard focus (a scroll area would keep arrows and page keys)."""
        self.key(Qt.Key(event.key()), event.modifiers())
        return True

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key of a keyboard or a presentation clicker."""
        if self.blanked:
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
