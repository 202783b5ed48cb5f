"""`kiosk run`: the exhibition kiosk, wired and shut down in one place.

Start-up order: logging, the QApplication and fonts, settings, the start journal, content
(validated, or from the cache; on failure the error screen; after a crash loop the content
that last ran well), the session and its window, the lockdown (from the first frame on: no
key, menu or close gets past it), the termination watch, the watchdog. After the first frame:
the log file, the content watch, the show floor (idle, attract loop, admin, visit log), the
display's blanking, and the preload of the other pages' modules; a minute later the journal
notes that this start ran well. Shutdown (`Kiosk.shutdown`, on `aboutToQuit`) undoes all of
it in reverse.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path, user_state_path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from kiosk.app.boot import (
    TerminationWatch,
    content_cache,
    create_application,
    install_exception_hook,
    load_or_report,
    open_log_file,
    preload_later_modules,
    setup_logging,
)
from kiosk.app.safe_start import SafeStart
from kiosk.content import LoadedContent
from kiosk.showfloor.admin_pin import DEFAULT_PIN, PinGate, default_pin_opens
from kiosk.showfloor.lockdown import Lockdown
from kiosk.system.health import HealthLog
from kiosk.system.problems import OperatorError
from kiosk.system.resources import default_content_path
from kiosk.system.settings import APP_NAME, Settings
from kiosk.system.start_journal import HEALTHY_S
from kiosk.system.watchdog import Watchdog
from kiosk.ui.main_window import MainWindow
from kiosk.ui.session import Session

if TYPE_CHECKING:
    from kiosk.showfloor.floor import ShowFloor
    from kiosk.showfloor.opening_hours import OpeningHours
    from kiosk.system.content_watcher import ContentWatcher

log = logging.getLogger(__name__)


def choose_screen(app: QApplication, screen: int | None) -> QScreen:
    screens = app.screens()
    if screen is not None and 0 <= screen < len(screens):
        return screens[screen]
    if screen is not None:
        log.warning("no screen %d; using the primary screen", screen)
    return app.primaryScreen()


class Kiosk:
    """Owns every part of a running kiosk, and its shutdown."""

    def __init__(
        self,
        app: QApplication,
        data: Path | None,
        lang: str | None,
        windowed: bool,
        size: tuple[int, int],
        reduced_motion: bool,
        screen: QScreen,
        *,
        healthy_ms: int = int(HEALTHY_S * 1000),
        settings: Settings | None = None,
    ) -> None:
        self.app = app
        self.data = data
        self.windowed = windowed
        self.settings = settings if settings is not None else Settings.load()
        self.cache = content_cache()
        self.safe_start = SafeStart(user_state_path(APP_NAME), self.cache)
        self.start_plan = self.safe_start.begin(data)
        loaded, error = self.start_plan.loaded, self.start_plan.error
        if not windowed:
            geometry = screen.geometry()
            size = (geometry.width(), geometry.height())
        self.session = Session(
            loaded, error, lang, size=size, reduced_motion=reduced_motion or self.settings.reduced_motion
        )
        self.lockdown = None if windowed else Lockdown()
        self.window = MainWindow(self.session, self._may_close)
        if self.lockdown is not None:
            self.window.router.add_guard(self.lockdown.guard)
        install_exception_hook(self.session)
        self.health = HealthLog(self.window)
        self.termination = TerminationWatch(self._on_termination_signal, on_report=self.health.log_now)
        self.watchdog = Watchdog(self.window)
        self.floor: ShowFloor | None = None
        self.hours: OpeningHours | None = None
        self.watcher: ContentWatcher | None = None
        self._restore_blanking: list[Callable[[], None]] = []
        # A minute up from the first frame (or from new content) is a start that ran well.
        self._healthy = QTimer(self.window)
        self._healthy.setSingleShot(True)
        self._healthy.setInterval(healthy_ms)
        self._healthy.timeout.connect(self._on_healthy_timeout)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.window.first_frame.connect(self.watchdog.ready)
        self.window.first_frame.connect(self._after_first_frame, Qt.ConnectionType.SingleShotConnection)
        self.window.first_frame.connect(self._count_healthy_from_now, Qt.ConnectionType.SingleShotConnection)
        self.session.content_changed.connect(self._count_healthy_from_now)
        self.app.aboutToQuit.connect(self.shutdown)

    def _on_healthy_timeout(self) -> None:
        log.info("running well for %d s", self._healthy.interval() // 1000)
        self.safe_start.ran_well(self.session.loaded)

    def _count_healthy_from_now(self, *_args: object) -> None:
        self._healthy.start()

    def _may_close(self) -> bool:
        return self.lockdown is None or self.lockdown.unlocked

    def show(self, screen: QScreen) -> None:
        if self.windowed:
            self.window.show()
            return
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()

    def _after_first_frame(self) -> None:
        """What the first screen does not need waits for it."""
        open_log_file()
        preload_later_modules()
        self.health.start()
        from kiosk.showfloor.analytics import VisitRecorder  # noqa: PLC0415
        from kiosk.showfloor.floor import ShowFloor  # noqa: PLC0415
        from kiosk.system import screensaver  # noqa: PLC0415
        from kiosk.system.content_watcher import ContentWatcher  # noqa: PLC0415
        from kiosk.system.image_check import check_image  # noqa: PLC0415

        session = self.session
        source = (self.data or default_content_path()).resolve()
        assets = session.loaded.assets_root if session.loaded is not None else None
        watcher = ContentWatcher(source, assets, check_image, parent=self.window, cache=self.cache)
        watcher.loaded.connect(session.set_content)
        watcher.failed.connect(session.report_problems)
        self.watcher = watcher
        floor = ShowFloor(
            session,
            self.window,
            self.settings,
            lambda changed: changed.save(),
            watcher.check_now,
            lockdown=self.lockdown,
            state_path=user_state_path(APP_NAME) / "state.json",
            recorder=VisitRecorder(user_data_path(APP_NAME) / "visits.sqlite3", kiosk=self.settings.kiosk_id),
            start_notes=self.start_plan.notes,
        )
        self.floor = floor
        if self.start_plan.crash_loop:
            log.warning("safe start after a crash loop: the attract loop is not resumed")
        elif floor.resume_attract():
            log.info("restarted while the attract loop ran: it runs again")
        if not self.windowed:
            self._restore_blanking.append(screensaver.inhibit(QGuiApplication.platformName()))
        self._start_opening_hours(floor)

    def _start_opening_hours(self, floor: ShowFloor) -> None:
        """Outside the settings' opening hours the screen is off (in a window, only black)."""
        if not self.settings.opening_hours:
            return
        from kiosk.showfloor.opening_hours import OpeningHours  # noqa: PLC0415
        from kiosk.system.opening_hours import Schedule  # noqa: PLC0415
        from kiosk.system.screensaver import DisplayPower  # noqa: PLC0415

        platform = "windowed" if self.windowed else QGuiApplication.platformName()
        schedule = Schedule.parse(self.settings.opening_hours)[0]
        self.hours = OpeningHours(floor, self.window, schedule, DisplayPower(platform))

    def _on_termination_signal(self) -> None:
        if self.lockdown is not None:
            self.lockdown.release()
        self.app.quit()

    def shutdown(self) -> None:
        """Everything the kiosk started, stopped: the show floor (the last visit gets its end),
        the content watch, the input router, the signal watch; the display may blank again.
        The start journal notes a clean stop as a run that went well."""
        self._healthy.stop()
        self.health.stop()
        if self.floor is not None:
            self.floor.close()
            self.floor = None
        if self.hours is not None:
            self.hours.stop()  # the screen on again before power saving is handed back
            self.hours = None
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self.window.router.stop()
        self.termination.close()
        for restore in self._restore_blanking:
            restore()
        self._restore_blanking.clear()
        self.safe_start.ran_well(self.session.loaded)
        log.info("kiosk stopped")


class DefaultPinError(OperatorError):
    """Kiosk mode with the published default PIN, not asked for: the admin panel it opens can
    exit the kiosk, so anyone who read the README could leave it."""

    exit_code = 2


DEFAULT_PIN_REFUSAL = (
    f"will not start in kiosk mode with the default admin PIN {DEFAULT_PIN}: it is printed in the "
    "README, and the admin panel it opens can exit the kiosk.\n"
    "  set this kiosk's own PIN:   kiosk set-pin\n"
    "  or, for a demonstration:   kiosk --allow-default-pin\n"
    "  or try it in a window:      kiosk --windowed"
)


def check_language(lang: str | None, loaded: LoadedContent | None) -> None:
    """A start language the content has (when the content could be read at all)."""
    if lang is None or loaded is None:
        return
    known = loaded.content.meta.languages
    if lang not in known:
        raise UnknownLanguageError(f"unknown language {lang!r}; the content has {', '.join(known)}")


class UnknownLanguageError(OperatorError):
    """A start language the content does not have (the session would fall back silently)."""

    exit_code = 2


def run(
    data: Path | None,
    lang: str | None,
    windowed: bool,
    size: tuple[int, int],
    reduced_motion: bool,
    screen: int | None = None,
    screen_report: Path | None = None,
    allow_default_pin: bool = False,
) -> int:
    setup_logging()
    if lang is not None:
        # Before the start journal counts a start: a mistyped language is not a crash.
        check_language(lang, load_or_report(data, content_cache(), log_problems=False)[0])
    settings = Settings.load()
    if not windowed and default_pin_opens(settings, user_state_path(APP_NAME) / PinGate.STATE_FILE):
        if not allow_default_pin:
            raise DefaultPinError(DEFAULT_PIN_REFUSAL)
        from kiosk.showfloor.floor import ADMIN_HOLD_MS  # noqa: PLC0415 (after the first frame otherwise)

        # Told where the operator is (the terminal), not on the screen visitors see.
        print(
            f"kiosk mode with the default admin PIN {DEFAULT_PIN} (--allow-default-pin): to leave, "
            f"hold the top-left corner for {ADMIN_HOLD_MS // 1000} s, enter {DEFAULT_PIN}, then Exit twice",
            file=sys.stderr,
        )
    app = create_application()
    chosen = choose_screen(app, screen)
    kiosk = Kiosk(app, data, lang, windowed, size, reduced_motion, chosen, settings=settings)
    if screen_report is not None:
        from kiosk.app.screen_report import ScreenReport  # noqa: PLC0415 (only when asked for)

        ScreenReport(kiosk.window, screen_report)
    kiosk.show(chosen)
    return app.exec()
