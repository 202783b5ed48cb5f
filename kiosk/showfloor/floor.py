"""Unattended show-floor behaviour around the main window: lockdown, the idle countdown and
reset, the attract loop, and the admin's hidden way in (a long press in the top-left corner,
then a PIN). The PIN pad and the admin panel close by themselves when left alone; while they
are up the idle countdown waits, after that it runs as usual.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtWidgets import QApplication

import kiosk
from kiosk.i18n.strings import ui_text
from kiosk.showfloor.admin_pin import PinGate
from kiosk.showfloor.analytics import VisitRecorder
from kiosk.showfloor.idle import COUNTDOWN_MS, IdleMonitor
from kiosk.showfloor.lockdown import Lockdown
from kiosk.showfloor.overlays.admin import (
    ADMIN_TIMEOUT_MS,
    ADMIN_WARNING_MS,
    EXIT_CONFIRM_MS,
    PIN_TIMEOUT_MS,
    AdminPanel,
    PinPad,
)
from kiosk.showfloor.overlays.attract import AttractLoop
from kiosk.showfloor.overlays.countdown import CountdownOverlay
from kiosk.system.safe_write import write_text_atomically
from kiosk.system.settings import Settings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Preferences
from kiosk.ui.session import Session

log = logging.getLogger(__name__)

ADMIN_HOLD_MS = 3000
ADMIN_CORNER = 96  # design px: the hidden corner's side
EXTEND_MS = 60_000

MAX_PROBLEMS_LISTED = 8  # the admin panel's share; `kiosk validate` lists them all


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
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import resource  # noqa: PLC0415 (POSIX only: Windows has no such module)
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ShowFloor(QObject):
    """The show floor around `session`, shown by `window`. `lockdown` only in kiosk
    (full-screen) mode, where it is in place from the first frame."""

    def __init__(
        self,
        session: Session,
        window: MainWindow,
        settings: Settings,
        save_settings: Callable[[Settings], None],
        reload_content: Callable[[], None],
        lockdown: Lockdown | None = None,
        idle_ms: int | None = None,
        countdown_ms: int = COUNTDOWN_MS,
        hold_ms: int = ADMIN_HOLD_MS,
        clock: Callable[[], float] = time.monotonic,
        state_path: Path | None = None,
        recorder: VisitRecorder | None = None,
        pin_timeout_ms: int = PIN_TIMEOUT_MS,
        admin_timeout_ms: int = ADMIN_TIMEOUT_MS,
        admin_warning_ms: int = ADMIN_WARNING_MS,
        exit_confirm_ms: int = EXIT_CONFIRM_MS,
        start_notes: Sequence[str] = (),
    ) -> None:
        super().__init__(window)
        self._staff_timeouts = (pin_timeout_ms, admin_timeout_ms, admin_warning_ms, exit_confirm_ms)
        # How this start went (a safe start after a crash loop), for the diagnostics.
        self._start_notes = tuple(start_notes)
        # Where the current mode is kept, so a restart (crash, watchdog) resumes it.
        self._state_path = state_path
        self.recorder = recorder
        self.session = session
        self.settings = settings
        self.lockdown = lockdown
        self._window = window
        self._router = window.router
        self._save_settings = save_settings
        self._reload_content = reload_content
        self._started = clock()
        self._clock = clock
        self._frames = window.frames_painted_count
        self._frame_sample = (clock(), 0)
        self._countdown_ms = countdown_ms
        self.errors = RecentErrors()
        logging.getLogger().addHandler(self.errors)
        meta_timeout = session.loaded.content.meta.idle_timeout_s if session.loaded else 60
        timeout_ms = idle_ms if idle_ms is not None else 1000 * (settings.idle_timeout_s or meta_timeout)
        self.idle = IdleMonitor(timeout_ms, countdown_ms, self)
        self._router.set_hold_ms(hold_ms)
        # The lockout beside the mode, so a restart keeps it too.
        self._gate = PinGate.for_settings(
            settings, clock, state_path.with_name(PinGate.STATE_FILE) if state_path else None
        )
        self.attract: AttractLoop | None = None
        # Outside opening hours a touch is staff at work, not a visit.
        self.recording_paused = False
        self._build_overlays()
        self._connect_signals()
        self.idle.start()
        if recorder is not None:
            recorder.open()  # now, not at the first visit: visits a kill left open are closed

    def _build_overlays(self) -> None:
        """The countdown, PIN pad, admin panel and attract loop in the session's theme."""
        window, theme, language = self._window, self.session.theme, self.session.language
        self.countdown = CountdownOverlay(window, language, theme, self.idle.remaining_ms, self._countdown_ms)
        self.countdown.extend_requested.connect(lambda: self.idle.extend(EXTEND_MS))
        pin_timeout_ms, admin_timeout_ms, admin_warning_ms, exit_confirm_ms = self._staff_timeouts
        # The PIN pad and admin panel are the staff's: a visitor's larger text, left behind
        # until the idle reset, does not apply to them (their contrast does).
        staff = replace(theme, text_scale=1.0)
        self.pin_pad = PinPad(window, language, staff, self._gate, pin_timeout_ms)
        self.pin_pad.accepted.connect(self._on_pin_pad_accepted)
        self.pin_pad.timed_out.connect(self._on_pin_pad_timed_out)
        self.admin = AdminPanel(
            window,
            language,
            staff,
            self.diagnostics,
            self.default_language,
            admin_timeout_ms,
            admin_warning_ms,
            exit_confirm_ms,
        )
        self.admin.timed_out.connect(self._on_admin_timed_out)
        self.admin.exit_requested.connect(self.exit_kiosk)
        self.admin.reload_requested.connect(self._reload_content)
        self.admin.attract_requested.connect(self._on_admin_attract_requested)
        self.admin.default_language_changed.connect(self._on_admin_default_language_changed)
        self._build_attract()

    def _build_attract(self) -> None:
        running = self.attract is not None and self.attract.running
        if self.attract is not None:
            self.attract.stop()
            self.attract.deleteLater()
        loaded = self.session.loaded
        self.attract = (
            AttractLoop(self._window, loaded, self.session.language, self.session.theme) if loaded else None
        )
        if self.attract is not None:
            self.attract.woken.connect(self._on_attract_woken)
            if running:
                self.attract.start()

    def _connect_signals(self) -> None:
        router, session = self._router, self.session
        router.activity.connect(self._on_router_activity)
        router.held.connect(self._on_router_held)
        router.pressed.connect(self._on_router_pressed)
        self.idle.warned.connect(self._on_idle_warned)
        self.idle.activity.connect(self._on_idle_activity)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        session.content_changed.connect(self._on_session_content_changed)
        session.theme_changed.connect(self._on_session_theme_changed)
        if self.recorder is not None:
            recorder = self.recorder
            session.page_changed.connect(lambda page_id, _direction: recorder.page_view(page_id))
            session.step_changed.connect(recorder.step)
            session.figure_opened.connect(recorder.figure_tap)
            session.language.changed.connect(recorder.language)

    def close(self) -> None:
        """Stop watching: timers off, overlays gone, the open visit ended and its log closed."""
        self.idle.stop()
        for signal, slot in (
            (self._router.activity, self._on_router_activity),
            (self._router.held, self._on_router_held),
            (self._router.pressed, self._on_router_pressed),
        ):
            signal.disconnect(slot)
        if self.attract is not None:
            self.attract.stop()
        logging.getLogger().removeHandler(self.errors)
        if self.recorder is not None:
            self.recorder.end_visit()
            self.recorder.close()

    # ---- idle -> countdown -> reset -> attract --------------------------------------------

    def _on_router_activity(self) -> None:
        self.idle.notice_activity()
        self.pin_pad.notice_activity()
        self.admin.notice_activity()

    def _on_idle_warned(self) -> None:
        if self.admin.isVisible() or self.pin_pad.isVisible():
            # An admin at work is not idle; one who walked away is closed out by the pad's or
            # the panel's own time limit, and the idle countdown follows as usual.
            self.idle.start()
            return
        self.countdown.open()

    def _on_idle_activity(self) -> None:
        self.countdown.hide()

    def _on_router_pressed(self, _target: object) -> None:
        """A touch with no visit open starts one (the first touch after a reset or the loop)."""
        recorder = self.recorder
        attract_up = self.attract is not None and self.attract.running
        if (
            recorder is not None
            and recorder.visit is None
            and not self.admin.isVisible()
            and not attract_up
            and not self.recording_paused
        ):
            recorder.start_visit(self.session.language.current)
            if self.session.current_id:
                recorder.page_view(self.session.current_id)

    def _on_idle_timed_out(self) -> None:
        if self.recorder is not None:
            self.recorder.end_visit()
        self.countdown.hide()
        self.session.reset(self.default_language())
        self.start_attract()

    def _on_session_content_changed(self, _loaded: object) -> None:
        """New content: the attract loop shows it from its next start."""
        self._build_attract()

    def _on_session_theme_changed(self, _theme: object) -> None:
        """A new screen size or a visitor's larger text: every overlay in the new theme, the
        open one opened again."""
        countdown_open, pad_open, admin_open = (
            self.countdown.isVisible(),
            self.pin_pad.isVisible(),
            self.admin.isVisible(),
        )
        for overlay in (self.countdown, self.pin_pad, self.admin):
            overlay.hide()
            overlay.deleteLater()
        self._build_overlays()  # the attract loop too, running again if it ran
        for was_open, overlay in (
            (countdown_open, self.countdown),
            (pad_open, self.pin_pad),
            (admin_open, self.admin),
        ):
            if was_open:
                overlay.open()

    def start_attract(self) -> None:
        if self.attract is None:
            return
        if self.session.preferences != Preferences():
            # A show for passers-by, in the design's text and colours, whatever the last visitor
            # chose (the opening hours start it on the evening's last choices).
            self.session.reset(self.default_language())
        self.idle.stop()
        self.attract.start()
        self._remember("attract")

    def _on_attract_woken(self) -> None:
        self.session.reset(self.default_language())
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

    def _on_router_held(self, point: QPoint) -> None:
        """A finger held still in the top-left corner: the admin's way in."""
        corner = self.session.theme.target(ADMIN_CORNER)
        if QRect(0, 0, corner, corner).contains(point) and not self.admin.isVisible():
            self.pin_pad.open()

    def _on_pin_pad_accepted(self) -> None:
        log.info("admin unlocked")
        self.admin.open()

    def _on_pin_pad_timed_out(self) -> None:
        log.info("PIN pad closed after %d s without input", self._staff_timeouts[0] // 1000)

    def _on_admin_timed_out(self) -> None:
        log.info("admin panel closed after %d s without input", self._staff_timeouts[1] // 1000)

    def _on_admin_attract_requested(self) -> None:
        self.admin.hide()
        self.session.reset(self.default_language())
        self.start_attract()

    def default_language(self) -> str:
        loaded = self.session.loaded
        languages = loaded.content.meta.languages if loaded else self.session.language.languages
        if self.settings.default_language in languages:
            return self.settings.default_language
        return loaded.content.meta.default_language if loaded else languages[0]

    def _on_admin_default_language_changed(self, lang: str) -> None:
        self.settings = replace(self.settings, default_language=lang)
        self._save_settings(self.settings)

    def exit_kiosk(self) -> None:
        """The admin's exit: the lockdown lifted, the application asked to quit (whose owner
        shuts everything down)."""
        log.info("admin exit")
        if self.lockdown is not None:
            self.lockdown.release()
        self._window.close()
        QApplication.quit()

    def diagnostics(self, lang: str = "en") -> list[str]:
        """What the admin panel reads out, in `lang` (the problems and log lines stay as the
        validator and the log wrote them: they name places in the file)."""
        loaded = self.session.loaded
        uptime = int(self._clock() - self._started)
        lines = [
            ui_text(
                "diag-version",
                lang,
                version=kiosk.__version__,
                h=uptime // 3600,
                m=uptime // 60 % 60,
                mib=f"{memory_mib():.0f}",
            ),
            *self._start_notes,
            ui_text("diag-content", lang, source=loaded.source)
            if loaded
            else ui_text("diag-content-none", lang),
        ]
        problems = self.session.problems
        if problems is None:
            lines.append(ui_text("diag-valid", lang))
        else:
            key = "diag-problems" if loaded else "diag-problems-none-shown"
            lines.append(ui_text(key, lang, n=len(problems.problems)))
            lines += [f"  {problem}" for problem in problems.problems[:MAX_PROBLEMS_LISTED]]
            if len(problems.problems) > MAX_PROBLEMS_LISTED:
                lines.append(
                    f"  … +{len(problems.problems) - MAX_PROBLEMS_LISTED}: kiosk validate {problems.source}"
                )
        now, frames = self._clock(), self._frames()
        last_time, last_frames = self._frame_sample
        rate = (frames - last_frames) / (now - last_time) if now > last_time else 0.0
        self._frame_sample = (now, frames)
        lines.append(ui_text("diag-frames", lang, frames=frames, rate=f"{rate:.0f}"))
        lines += (
            [ui_text("diag-warnings", lang)] + [f"  {line}" for line in self.errors.lines]
            if self.errors.lines
            else []
        )
        return lines
