"""Presenter mode: the content as slides on the audience screen, driven by keys or a clicker,
with auto-advance, black and white screens, and a presenter view on a second screen.

The audience window is a view of the same session as the kiosk's, without its navigation bar;
the slide order comes from the content's playlist, else every page (every stop, every voice) in order.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from kiosk.content.pages import SlideRef, slide_list
from kiosk.i18n.direction import is_right_to_left
from kiosk.ui.session import Session

log = logging.getLogger(__name__)

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P}
BLACK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
# Right to left the slides come in from the left, as a page turns in a book read that way: the
# arrow pointing along the reading goes on. Up, Down, PageUp, PageDown and a clicker's keys
# keep their meaning whatever the language.
MIRRORED_ARROWS = {Qt.Key.Key_Left: Qt.Key.Key_Right, Qt.Key.Key_Right: Qt.Key.Key_Left}
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


ESC_CONFIRM_MS = 2000  # a second Esc within this ends the show
TYPED_MS = 3000  # typed slide digits are forgotten after this


class TalkClock(QObject):
    """The talk's time: it starts with the first move to another slide, pauses and resumes,
    and starts over (F5, or the presenter's reset)."""

    changed = Signal()

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._banked = 0.0  # seconds before the current run
        self._running_since: float | None = None
        self.started = False

    @property
    def running(self) -> bool:
        return self._running_since is not None

    def elapsed(self) -> float:
        running = self._clock() - self._running_since if self._running_since is not None else 0.0
        return self._banked + running

    def start(self) -> None:
        if not self.started:
            self.started = True
            self._running_since = self._clock()
            self.changed.emit()

    def toggle_pause(self) -> None:
        if self._running_since is not None:
            self._banked = self.elapsed()
            self._running_since = None
        elif self.started:
            self._running_since = self._clock()
        self.changed.emit()

    def reset(self) -> None:
        """Back to 0:00:00, waiting for the next move to start again."""
        self._banked, self._running_since, self.started = 0.0, None, False
        self.changed.emit()


class Slideshow(QObject):
    """Drives `session` slide by slide, from keys, a clicker or its own timer."""

    slide_changed = Signal(int)
    blank_changed = Signal(str)  # "black", "white" or "" when the slide is back
    auto_changed = Signal(bool)
    countdown_restarted = Signal()  # the time to the next auto-advance starts over (or stops)
    typed_changed = Signal(str)  # the slide number being typed, "" when none
    end_armed = Signal(bool)  # Esc once: a second Esc now ends the show
    ended = Signal()
    fullscreen_toggled = Signal()
    rehearsal_toggled = Signal()  # S: swap the screens, or with one screen the rehearsal view
    overview_toggled = Signal()  # G or O: every slide at once
    notes_size_requested = Signal(int)  # +1 larger, -1 smaller

    def __init__(
        self,
        session: Session,
        interval_s: float | None = None,
        loop: bool = False,
        time_scale: float = 1.0,
        parent: QObject | None = None,
        *,
        auto: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.session = session
        assert session.loaded is not None
        self.slides: tuple[SlideRef, ...] = slide_list(session.loaded.content, interval_s)
        self.loop = loop
        self.index = -1
        # A presenter sets the pace: slides advance by themselves only when asked to.
        self.auto = auto
        self.blanked = ""  # "black" or "white" while the screen is blank
        self.typed = ""
        self.clock = TalkClock(clock, self)
        self._time_scale = time_scale
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a slide's time is the presenter's plan
        self._timer.timeout.connect(self._on_timer_timeout)
        self._typed_expiry = self._single_shot(TYPED_MS, self._on_typed_expiry_timeout)
        self._esc_window = self._single_shot(ESC_CONFIRM_MS, self._on_esc_window_timeout)

    def _single_shot(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

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
        """Show slide `index` (clamped); the auto-advance rhythm restarts from here. The talk's
        clock starts with the first move away from the opening slide."""
        index = max(0, min(index, self.count - 1))
        direction = 0 if self.index < 0 else (1 if index > self.index else -1)
        if self.index >= 0 and index != self.index:
            self.clock.start()
        self.index = index
        slide = self.slides[index]
        same_page = self.session.current_id == slide.page
        self.session.go_to(
            slide.page, step=slide.step, direction=0 if same_page else direction, remember=False
        )
        self.slide_changed.emit(index)
        # After the presenter view has drawn: the slide's time starts now.
        self._restart_timer()

    def forward(self) -> None:
        if self.blanked:
            self.set_blank("")  # the first press brings the slide back, as a clicker user expects
        elif self._walks_its_page(+1):
            self._step_within_slide(+1)
        elif self.index + 1 < self.count:
            self.go(self.index + 1)
        elif self.loop:
            self.go(0)
        else:
            self._timer.stop()  # the last slide stays

    def back(self) -> None:
        if self.blanked:
            self.set_blank("")
        elif self._walks_its_page(-1):
            self._step_within_slide(-1)
        else:
            self.go(self.index - 1)

    def _walks_its_page(self, delta: int) -> bool:
        """Whether Next (+1) or Previous (-1) stays on this slide: a slide that names no step of
        its page shows each of the page's steps in turn, as many as the audience screen has
        (home takes two on a 1280x800 projector, one on a 1920x1080 one)."""
        if self.index < 0 or self.current.step is not None or self.session.current_id != self.current.page:
            return False
        return 0 <= self.session.step_index() + delta < self.session.step_count()

    def _step_within_slide(self, delta: int) -> None:
        self.session.set_step(self.session.step_index() + delta)
        self.clock.start()
        self._restart_timer()

    def start(self, index: int = 0) -> None:
        self.go(index)

    def start_over(self) -> None:
        """F5: the first slide, the clock back to zero."""
        self.set_blank("")
        self.clock.reset()
        self.index = -1
        self.go(0)

    def resume(self) -> None:
        """Shift+F5: the show again from the current slide (the slide back, its rhythm anew)."""
        self.set_blank("")
        self.go(max(self.index, 0))

    # ---- auto-advance and blanking --------------------------------------------------------

    def set_auto(self, on: bool) -> None:
        self.auto = on
        self._restart_timer()
        self.auto_changed.emit(on)

    def _restart_timer(self) -> None:
        self._timer.stop()
        if self.auto and not self.blanked and self.index >= 0:
            self._timer.start(round(self.current.duration_s * 1000 * self._time_scale))
        self.countdown_restarted.emit()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def _on_timer_timeout(self) -> None:
        self.forward()

    def set_blank(self, colour: str) -> None:
        """Black or white screen; auto-advance waits while it shows."""
        if colour == self.blanked:
            return
        self.blanked = colour
        if colour:
            self._timer.stop()
        else:
            self._restart_timer()
        self.blank_changed.emit(colour)

    def toggle_blank(self, colour: str) -> None:
        """The Black (or White) key and button: on, and off again."""
        self.set_blank("" if self.blanked == colour else colour)

    # ---- keys -----------------------------------------------------------------------------

    def handle_key_event(self, event: QKeyEvent) -> bool:
        """For the input router: every key pressed in any of the show's windows, before the
        widget with the keyboard focus (a scroll area would keep arrows and page keys)."""
        if event.isAutoRepeat() and Qt.Key(event.key()) not in NEXT_KEYS | PREVIOUS_KEYS:
            return True  # a held key is one press, except for paging through
        self.key(Qt.Key(event.key()), event.modifiers())
        return True

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key of a keyboard or a presentation clicker."""
        if is_right_to_left(self.session.language.current):
            key = MIRRORED_ARROWS.get(key, key)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape:
            self._on_escape()
            return
        self._disarm_end()
        if key in DIGITS:
            self._set_typed(self.typed + str(DIGITS[key]))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed:
            typed = self.typed
            self._set_typed("")
            self.set_blank("")
            self.go(int(typed) - 1)
            return
        self._set_typed("")
        actions: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_Home: lambda: self.go(0),
            Qt.Key.Key_End: lambda: self.go(self.count - 1),
            Qt.Key.Key_W: lambda: self.toggle_blank("white"),
            Qt.Key.Key_A: lambda: self.set_auto(not self.auto),
            Qt.Key.Key_F: self.fullscreen_toggled.emit,
            Qt.Key.Key_S: self.rehearsal_toggled.emit,
            Qt.Key.Key_G: self.overview_toggled.emit,
            Qt.Key.Key_O: self.overview_toggled.emit,
            Qt.Key.Key_Plus: lambda: self.notes_size_requested.emit(1),
            Qt.Key.Key_Equal: lambda: self.notes_size_requested.emit(1),
            Qt.Key.Key_Minus: lambda: self.notes_size_requested.emit(-1),
            Qt.Key.Key_T: self.clock.reset if shift else self.clock.toggle_pause,
            # Clickers send F5 to start the show over and Shift+F5 to resume from here.
            Qt.Key.Key_F5: self.resume if shift else self.start_over,
        }
        if key in NEXT_KEYS or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.forward()
        elif key in PREVIOUS_KEYS:
            self.back()
        elif key in BLACK_KEYS:
            self.toggle_blank("black")
        elif key in actions:
            actions[key]()
        elif self.blanked:
            self.set_blank("")  # any other key returns from a blank screen

    def _set_typed(self, typed: str) -> None:
        if typed != self.typed:
            self.typed = typed
            self.typed_changed.emit(typed)
        if typed:
            self._typed_expiry.start()
        else:
            self._typed_expiry.stop()

    def _on_typed_expiry_timeout(self) -> None:
        self._set_typed("")

    def _on_escape(self) -> None:
        """Esc twice within two seconds ends the show: a stray press never drops the room onto
        the desktop."""
        if self._esc_window.isActive():
            self._disarm_end()
            self.ended.emit()
            return
        self._esc_window.start()
        self.end_armed.emit(True)

    def _disarm_end(self) -> None:
        if self._esc_window.isActive():
            self._esc_window.stop()
            self.end_armed.emit(False)

    def _on_esc_window_timeout(self) -> None:
        self.end_armed.emit(False)
