"""Unattended show-floor behaviour around the main window: lockdown, the idle countdown and
reset, the attract loop, and the admin's hidden way in (a long press in the top-left corner,
then a PIN).
"""

from __future__ import annotations

import json
import logging
import os
import resource
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QWidget

import kiosk
from kiosk.showfloor.admin_pin import PinGate
from kiosk.showfloor.analytics import VisitRecorder
from kiosk.showfloor.idle import COUNTDOWN_MS, IdleMonitor
from kiosk.showfloor.lockdown import Lockdown
from kiosk.showfloor.overlays.admin import AdminPanel, PinPad
from kiosk.showfloor.overlays.attract import AttractLoop
from kiosk.showfloor.overlays.countdown import CountdownOverlay
from kiosk.system.safe_write import write_text_atomically
from kiosk.system.settings import Settings
from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

ADMIN_HOLD_MS = 3000
ADMIN_CORNER = 96  # design px: the hidden corner's side
EXTEND_MS = 60_000


class CornerHold(QObject):
    """A press held still in the window's top-left corner for `hold_ms`: `held` fires."""

    held = Signal()

    def __init__(self, window: QWidget, corner_px: int, hold_ms: int = ADMIN_HOLD_MS) -> None:
        super().__init__(window)
        self._window = window
        self._corner = corner_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.held)

    def _in_corner(self, point: QPoint) -> bool:
        return QRect(0, 0, self._corner, self._corner).contains(point)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        point: QPoint | None = None
        if isinstance(event, QMouseEvent):
            point = self._window.mapFromGlobal(event.globalPosition().toPoint())
        elif isinstance(event, QTouchEvent) and event.points():
            point = self._window.mapFromGlobal(event.points()[0].globalPosition().toPoint())
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) and point is not None:
            if self._in_corner(point):
                self._timer.start()
            else:
                self._timer.stop()
        else:
            lifted = kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
            moved = kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate)
            if lifted or (moved and point is not None and not self._in_corner(point)):
                self._timer.stop()
        return False


class RecentErrors(logging.Handler):
    """Keeps the last warnings and errors for the admin's diagnostics."""

    def __init__(self, size: int = 8) -> None:
        super().__init__(logging.WARNING)
        self.lines: deque[str] = deque(maxlen=size)

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(
            f"{time.strftime('%H:%M:%S', time.localtime(record.created))} {record.getMessage()}"
        )


def memory_mib() -> float:
    """Resident memory now (Linux /proc), else the peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ShowFloor(QObject):
    """Wires the show-floor behaviours to `window`. `lockdown` only in kiosk (full-screen) mode."""

    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        save_settings: Callable[[Settings], None],
        reload_content: Callable[[], None],
        lockdown: bool | Lockdown | None = True,
        idle_ms: int | None = None,
        countdown_ms: int = COUNTDOWN_MS,
        hold_ms: int = ADMIN_HOLD_MS,
        clock: Callable[[], float] = time.monotonic,
        state_path: Path | None = None,
        recorder: VisitRecorder | None = None,
    ) -> None:
        super().__init__(window)
        # Where the current mode is kept, so a restart (crash, watchdog) resumes it.
        self._state_path = state_path
        self.recorder = recorder
        self.window = window
        self.settings = settings
        self._save_settings = save_settings
        self._reload_content = reload_content
        self._started = clock()
        self._clock = clock
        self._frame_sample = (clock(), 0)
        app = QApplication.instance()
        assert app is not None
        if isinstance(lockdown, Lockdown):  # already in place since the first frame
            self.lockdown: Lockdown | None = lockdown
        else:
            self.lockdown = Lockdown(parent=self) if lockdown else None
            if self.lockdown is not None:
                app.installEventFilter(self.lockdown)
        if self.lockdown is not None:
            window.close_guard = lambda: self.lockdown is not None and self.lockdown.unlocked
        self.errors = RecentErrors()
        logging.getLogger().addHandler(self.errors)
        meta_timeout = window.loaded.content.meta.idle_timeout_s if window.loaded else 60
        timeout_ms = idle_ms if idle_ms is not None else 1000 * (settings.idle_timeout_s or meta_timeout)
        self.idle = IdleMonitor(timeout_ms, countdown_ms, self)
        app.installEventFilter(self.idle)
        theme, language = window.theme, window.language
        self.countdown = CountdownOverlay(window, language, theme, self.idle.remaining_ms, countdown_ms)
        self.attract = AttractLoop(window, window.loaded, language, theme) if window.loaded else None
        gate = (
            PinGate(settings.pin_salt, settings.pin_hash, clock)
            if settings.pin_hash
            else PinGate.with_default(clock)
        )
        self.pin_pad = PinPad(window, language, theme, gate)
        self.admin = AdminPanel(window, language, theme, self.diagnostics, self.default_language)
        self.corner = CornerHold(window, theme.target(ADMIN_CORNER), hold_ms)
        app.installEventFilter(self.corner)
        self._connect_signals()
        self.idle.start()

    def _connect_signals(self) -> None:
        self.idle.warned.connect(self._on_idle_warned)
        self.idle.activity.connect(self.countdown.hide)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        self.countdown.extend_requested.connect(lambda: self.idle.extend(EXTEND_MS))
        if self.attract is not None:
            self.attract.woken.connect(self._on_attract_woken)
        self.window.content_replaced.connect(self._on_window_content_replaced)
        if self.recorder is not None:
            recorder, window = self.recorder, self.window
            window.swipes.pressed.connect(self._on_window_pressed)
            window.page_changed.connect(recorder.page_view)
            window.step_changed.connect(recorder.step)
            window.figure_opened.connect(recorder.figure_tap)
            window.language.changed.connect(recorder.language)
        self.corner.held.connect(self._on_corner_held)
        self.pin_pad.accepted.connect(self._on_pin_pad_accepted)
        self.admin.exit_requested.connect(self.exit_kiosk)
        self.admin.reload_requested.connect(self._reload_content)
        self.admin.attract_requested.connect(self._on_admin_attract_requested)
        self.admin.default_language_changed.connect(self._on_admin_default_language_changed)

    # ---- idle -> countdown -> reset -> attract --------------------------------------------

    def _on_idle_warned(self) -> None:
        if self.admin.isVisible() or self.pin_pad.isVisible():
            self.idle.start()  # an admin at work is not idle
            return
        self.countdown.open()

    def _on_window_pressed(self, _target: object) -> None:
        """A touch with no visit open starts one (the first touch after a reset or the loop)."""
        recorder = self.recorder
        if recorder is not None and recorder.visit is None and not self.admin.isVisible():
            recorder.start_visit(self.window.language.current)
            if self.window.current_id:
                recorder.page_view(self.window.current_id)

    def _on_idle_timed_out(self) -> None:
        if self.recorder is not None:
            self.recorder.end_visit()
        self.countdown.hide()
        self.window.reset_to_home(self.default_language())
        self.start_attract()

    def _on_window_content_replaced(self) -> None:
        """New content: the attract loop shows it from its next start."""
        running = self.attract is not None and self.attract.running
        if self.attract is not None:
            self.attract.stop()
            self.attract.deleteLater()
        loaded = self.window.loaded
        self.attract = (
            AttractLoop(self.window, loaded, self.window.language, self.window.theme) if loaded else None
        )
        if self.attract is not None:
            self.attract.woken.connect(self._on_attract_woken)
            if running:
                self.attract.start()

    def start_attract(self) -> None:
        if self.attract is None:
            return
        self.idle.stop()
        self.attract.start()
        self._remember("attract")

    def _on_attract_woken(self) -> None:
        self.window.reset_to_home(self.default_language())
        self.idle.start()
        self._remember("visitor")

    def _remember(self, mode: str) -> None:
        if self._state_path is None:
            return
        try:
            write_text_atomically(self._state_path, json.dumps({"mode": mode}) + "\n")
        except OSError as error:
            log.warning("cannot keep the kiosk's mode: %s", error)

    def resume_attract(self) -> bool:
        """After a restart: back to the attract loop if that is where the kiosk was."""
        if self._state_path is None:
            return False
        try:
            mode = json.loads(self._state_path.read_text(encoding="utf-8")).get("mode")
        except (OSError, ValueError, AttributeError):
            return False
        if mode == "attract":
            self.start_attract()
            return True
        return False

    # ---- admin ----------------------------------------------------------------------------

    def _on_corner_held(self) -> None:
        if not self.admin.isVisible():
            self.pin_pad.open()

    def _on_pin_pad_accepted(self) -> None:
        log.info("admin unlocked")
        self.admin.open()

    def _on_admin_attract_requested(self) -> None:
        self.admin.hide()
        self.window.reset_to_home(self.default_language())
        self.start_attract()

    def default_language(self) -> str:
        loaded = self.window.loaded
        languages = loaded.content.meta.languages if loaded else ("zh", "en")
        if self.settings.default_language in languages:
            return self.settings.default_language
        return loaded.content.meta.default_language if loaded else languages[0]

    def _on_admin_default_language_changed(self, lang: str) -> None:
        self.settings = replace(self.settings, default_language=lang)
        self._save_settings(self.settings)

    def exit_kiosk(self) -> None:
        log.info("admin exit")
        if self.lockdown is not None:
            self.lockdown.release()
        self.window.close_guard = lambda: True
        self.window.close()
        QApplication.quit()

    def diagnostics(self) -> list[str]:
        window = self.window
        loaded = window.loaded
        uptime = int(self._clock() - self._started)
        lines = [
            f"Version {kiosk.__version__} · uptime {uptime // 3600} h {uptime // 60 % 60} min {uptime % 60} s"
            f" · memory {memory_mib():.0f} MiB",
            f"Content: {loaded.source if loaded else '(none loaded)'}",
        ]
        problems = window.content_problems
        if problems is None:
            lines.append("Content state: valid" + (" (showing it)" if loaded else ""))
        else:
            lines.append(f"Content state: the last save has {len(problems.problems)} problem(s);")
            lines.append("  visitors still see the last good content" if loaded else "  nothing to show")
            lines += [f"  {problem}" for problem in problems.problems[:6]]
        now, frames = self._clock(), window.frames_painted
        last_time, last_frames = self._frame_sample
        rate = (frames - last_frames) / (now - last_time) if now > last_time else 0.0
        self._frame_sample = (now, frames)
        lines.append(f"Frames painted: {frames} ({rate:.0f} per second lately)")
        lines += (
            ["Recent warnings:"] + [f"  {line}" for line in self.errors.lines] if self.errors.lines else []
        )
        return lines
