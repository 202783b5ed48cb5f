"""`kiosk run`: the exhibition kiosk, wired and shut down in one place.

Start-up order: the starting window (the home screen as last drawn, when it is exactly the one
this start will draw: `kiosk.app.start_frame`, before this module is imported), logging, the
QApplication and fonts, settings, the start journal, content (validated, or from the cache; on
failure the error screen; after a crash loop the content that last ran well), the session and
its window (shown over the starting window, which hands it the input it got meanwhile), the
lockdown (from the first frame on: no key, menu or close gets past it), the termination watch,
the watchdog. After the first frame: the starting window goes; then, giving way to a
visitor's input (`kiosk.app.startup_work`), the preload of the other pages' modules on a
worker and, one per turn, the log file, the content watch, the show floor (idle, attract loop,
admin, visit log), the display's blanking; a second later a first visitor's home screen is stored
for the next start; a minute later the journal notes that this start ran well. Shutdown
(`Kiosk.shutdown`, on `aboutToQuit`) undoes all of it in reverse.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    qt_type_steps,
    setup_logging,
)
from kiosk.app.display import choose_screen
from kiosk.app.safe_start import JOURNAL_NAME, SafeStart
from kiosk.app.start_frame import StartFrame, StartFrameStore, StartRequest, process_inputs, screen_inputs
from kiosk.app.startup_work import StartupSteps, VisitorFirst
from kiosk.content import LoadedContent
from kiosk.showfloor.admin_pin import DEFAULT_PIN, PinGate, default_pin_opens
from kiosk.showfloor.lockdown import Lockdown
from kiosk.system.health import HealthLog
from kiosk.system.problems import OperatorError
from kiosk.system.release import manifest_path
from kiosk.system.resources import default_content_path, fonts_dir, icon_path
from kiosk.system.settings import APP_NAME, Settings, backup_path, settings_path
from kiosk.system.start_journal import CRASH_WINDOW_S, HEALTHY_S
from kiosk.system.watchdog import Watchdog
from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Preferences
from kiosk.ui.session import HOME, Session

if TYPE_CHECKING:
    from kiosk.showfloor.floor import ShowFloor
    from kiosk.showfloor.opening_hours import OpeningHours
    from kiosk.system.content_watcher import ContentWatcher

log = logging.getLogger(__name__)

# The home screen is stored this long after the first frame, once the preload has settled.
STORE_START_FRAME_MS = 1000


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
        start: StartFrame | None = None,
        store_frame_ms: int = STORE_START_FRAME_MS,
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
        self.visitor_first: VisitorFirst | None = None
        self.startup_steps: StartupSteps | None = None
        self.start = start
        self._screen_inputs: dict[str, Any] = {}
        self.frame_store = self._start_frame_store(screen)
        self._visitor_seen = False
        self._store_frame = QTimer(self.window)
        self._store_frame.setSingleShot(True)
        self._store_frame.setInterval(store_frame_ms)
        self._store_frame.timeout.connect(self._on_store_frame_timeout)
        # A minute up from the first frame (or from new content) is a start that ran well.
        self._healthy = QTimer(self.window)
        self._healthy.setSingleShot(True)
        self._healthy.setInterval(healthy_ms)
        self._healthy.timeout.connect(self._on_healthy_timeout)
        self._connect_signals()

    def _connect_signals(self) -> None:
        if self.start is not None:
            # First: the input kept on the picture is answered before the rest of the start.
            self.start.hand_over(self.window, self.window.first_frame)
        self.window.first_frame.connect(self.watchdog.ready)
        self.window.first_frame.connect(self._after_first_frame, Qt.ConnectionType.SingleShotConnection)
        self.window.first_frame.connect(self._count_healthy_from_now, Qt.ConnectionType.SingleShotConnection)
        self.window.router.activity.connect(self._on_router_activity)
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

    # ---- the next start's first frame -------------------------------------------------------

    def _start_frame_store(self, screen: QScreen) -> StartFrameStore | None:
        """Where this start's home screen goes for the next start, when it can be the same:
        kiosk mode, on the content file itself (a release's snapshot, a safe start's content
        or the error screen are not what the file alone says)."""
        loaded = self.session.loaded
        source = (self.data or default_content_path()).resolve()
        if self.windowed or self.start is None or loaded is None or self.start_plan.crash_loop:
            return None
        if loaded.source != source:
            return None
        assets = [loaded.asset(relative) for _where, relative in loaded.content.asset_fields()]
        settings = settings_path()
        files = [
            source,
            manifest_path(source),  # a release folder's: the kiosk would show its snapshot then
            *assets,
            settings,
            backup_path(settings),
            *fonts_dir().glob("*.otf"),
            *icon_path("home").parent.glob("*.svg"),  # the interface's own icons
        ]
        if not (self.settings.pin_hash or self.settings.pin_lost):
            # Whether kiosk mode starts at all then depends on the PIN's state too.
            files.append(user_state_path(APP_NAME) / PinGate.STATE_FILE)
        journal = (user_state_path(APP_NAME) / JOURNAL_NAME, CRASH_WINDOW_S)
        self._screen_inputs = screen_inputs(self.app, screen)
        return StartFrameStore(self.start, files, journal)

    def _on_router_activity(self) -> None:
        self._visitor_seen = True

    def _first_visitor_home(self) -> bool:
        """The screen is home as the first visitor finds it: nobody has touched it, no overlay
        (the attract loop, the opening hours' black) covers it, the content is the start's."""
        session = self.session
        return (
            not self._visitor_seen
            and session.loaded is self.start_plan.loaded
            and session.current_id == HOME
            and session.step_index(HOME) == 0
            and session.preferences == Preferences()
            and self.window.router.pages_on_top()
        )

    def _on_store_frame_timeout(self) -> None:
        if self.frame_store is None or not self._first_visitor_home():
            return
        self.frame_store.store(self.window.grab().toImage(), self._screen_inputs)

    def _after_first_frame(self) -> None:
        """What the first screen does not need waits for it, and gives way to the visitor: the
        preload on its worker, the rest in steps on the UI thread (`kiosk.app.startup_work`)."""
        self.visitor_first = VisitorFirst(self.window)
        clear = self.visitor_first.clear
        self.startup_steps = StartupSteps(
            self.visitor_first,
            [
                *qt_type_steps(),
                lambda: preload_later_modules(clear, self._content_languages()),
                self._open_log,
                self._import_show_floor,
                self._watch_content,
                self._open_show_floor,
                self._settle,
            ],
        )
        self.startup_steps.start()

    def _content_languages(self) -> tuple[str, ...]:
        loaded = self.session.loaded
        return tuple(loaded.content.meta.languages) if loaded is not None else ()

    def _open_log(self) -> None:
        open_log_file()
        if self.start is not None:
            self.start.log_outcome()
        if self.frame_store is not None:
            self._store_frame.start()
        self.health.start()

    @staticmethod
    def _import_show_floor() -> None:
        import kiosk.showfloor.analytics  # noqa: PLC0415
        import kiosk.showfloor.floor  # noqa: PLC0415
        import kiosk.system.content_watcher  # noqa: F401, PLC0415

    def _watch_content(self) -> None:
        from kiosk.system.content_watcher import ContentWatcher  # noqa: PLC0415
        from kiosk.system.image_check import check_image  # noqa: PLC0415

        session = self.session
        source = (self.data or default_content_path()).resolve()
        assets = session.loaded.assets_root if session.loaded is not None else None
        watcher = ContentWatcher(source, assets, check_image, parent=self.window, cache=self.cache)
        watcher.loaded.connect(session.set_content)
        watcher.failed.connect(session.report_problems)
        self.watcher = watcher

    def _open_show_floor(self) -> None:
        from kiosk.showfloor.analytics import VisitRecorder  # noqa: PLC0415
        from kiosk.showfloor.floor import ShowFloor  # noqa: PLC0415

        watcher = self.watcher
        assert watcher is not None
        self.floor = ShowFloor(
            self.session,
            self.window,
            self.settings,
            lambda changed: changed.save(),
            watcher.check_now,
            lockdown=self.lockdown,
            state_path=user_state_path(APP_NAME) / "state.json",
            recorder=VisitRecorder(user_data_path(APP_NAME) / "visits.sqlite3", kiosk=self.settings.kiosk_id),
            start_notes=self.start_plan.notes,
        )

    def _settle(self) -> None:
        """The show floor's mode as before the restart, the display kept on, the hours."""
        from kiosk.system import screensaver  # noqa: PLC0415

        floor = self.floor
        assert floor is not None
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
        self._store_frame.stop()
        if self.startup_steps is not None:
            self.startup_steps.stop()
        if self.visitor_first is not None:
            self.visitor_first.stop()  # the preload waits for nothing more
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
    start: StartFrame | None = None,
) -> int:
    """`kiosk run`; `start` is the starting window's (`kiosk.app.start_frame.show_stored_frame`),
    shown before this module was even imported."""
    setup_logging()
    if start is None:
        request = StartRequest(data, lang, windowed, reduced_motion, screen, allow_default_pin)
        start = StartFrame(request, process_inputs(request))
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
    kiosk = Kiosk(app, data, lang, windowed, size, reduced_motion, chosen, settings=settings, start=start)
    if screen_report is not None:
        from kiosk.app.screen_report import ScreenReport  # noqa: PLC0415 (only when asked for)

        ScreenReport(kiosk.window, screen_report)
    kiosk.show(chosen)
    return app.exec()
