"""Creates the QApplication and wires the kiosk together.

Start-up order: environment defaults, QApplication, bundled fonts, content (validated; on
failure the error screen), main window, then the event loop. Only this module creates the
QApplication.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from platformdirs import user_cache_path, user_data_path, user_log_path, user_state_path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.content import ContentError, LoadedContent, load_content
from kiosk.showfloor.lockdown import Lockdown
from kiosk.system.content_cache import ValidatedContentCache
from kiosk.system.image_check import check_image
from kiosk.system.resources import default_content_path, fonts_dir
from kiosk.system.settings import APP_NAME, Settings
from kiosk.system.watchdog import Watchdog
from kiosk.ui import theme as th
from kiosk.ui.main_window import MainWindow

log = logging.getLogger("kiosk")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def prepare_environment() -> None:
    """Defaults Qt expects on a bare machine (it warns when XDG_RUNTIME_DIR is missing)."""
    if not os.environ.get("XDG_RUNTIME_DIR"):
        runtime = Path(tempfile.gettempdir()) / f"kiosk-runtime-{os.getuid() if hasattr(os, 'getuid') else 0}"
        runtime.mkdir(mode=0o700, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)


def load_fonts() -> list[str]:
    """Register the bundled fonts; return the families they provide."""
    families: list[str] = []
    for path in sorted(fonts_dir().glob("*.otf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("could not load font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def create_application(argv: list[str] | None = None) -> QApplication:
    prepare_environment()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("zgc-kiosk")
    app.setStyle("Fusion")
    load_fonts()
    font = QFont(th.FONT_FAMILY)
    font.setPixelSize(30)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return app


def content_cache() -> ValidatedContentCache:
    return ValidatedContentCache(user_cache_path(APP_NAME))


def load_or_report(
    path: Path | None, cache: ValidatedContentCache | None = None
) -> tuple[LoadedContent | None, ContentError | None]:
    """The content at `path` (default: the bundled content), or why it cannot be shown.
    With a cache: unchanged content validated before is used as it was stored."""
    source = path or default_content_path()
    cached = cache.load(source) if cache is not None else None
    if cached is not None:
        log.info("content %s: unchanged since it was last validated", source)
        return cached, None
    try:
        loaded = load_content(source, check_image)
    except ContentError as error:
        for line in error.lines():
            log.error("%s", line)
        return None, error
    log.info("content %s: validated", source)
    if cache is not None:
        cache.store(loaded)
    return loaded, None


def install_exception_hook(window: MainWindow) -> None:
    """An exception in a slot is logged and the kiosk returns home; no dialog, no exit."""

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, value, trace))
        try:
            window.go_home()
        except Exception:  # the kiosk must keep running whatever broke
            log.exception("could not return home")

    sys.excepthook = hook


class _EarlyRecords(logging.Handler):
    """Keeps what is logged before the log file opens, to write it there first."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_early_records = _EarlyRecords()


def setup_logging() -> None:
    """Log to stderr now, and keep the records for the log file `open_log_file` opens (the
    file handler's module costs start-up time: the kiosk opens it after its first frame)."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    logging.getLogger().addHandler(_early_records)


def open_log_file() -> Path | None:
    """Also log to a rotating file in the user's log folder (never fatal if not), starting with
    what was logged before."""
    from logging.handlers import RotatingFileHandler  # noqa: PLC0415

    root = logging.getLogger()
    root.removeHandler(_early_records)
    records, _early_records.records = _early_records.records, []
    try:
        folder = user_log_path(APP_NAME)
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as error:
        log.warning("no log file: %s", error)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    for record in records:
        handler.handle(record)
    root.addHandler(handler)
    return folder / "kiosk.log"


def quit_on_terminate(app: QApplication, window: MainWindow) -> None:
    """systemd stops the kiosk with SIGTERM: end cleanly (restore blanking, close the log)."""

    def stop(_signal: int, _frame: object) -> None:
        log.info("stopping on signal")
        window.close_guard = lambda: True
        app.quit()

    signal.signal(signal.SIGTERM, stop)
    # Python handles signals only when it runs: a light timer gives it the chance.
    heartbeat = QTimer(window)
    heartbeat.start(500)
    heartbeat.timeout.connect(lambda: None)


def run(
    data: Path | None,
    lang: str | None,
    windowed: bool,
    size: tuple[int, int],
    reduced_motion: bool,
    screen: int | None = None,
) -> int:
    setup_logging()
    app = create_application()
    settings = Settings.load()
    cache = content_cache()
    loaded, error = load_or_report(data, cache)
    screens = app.screens()
    chosen = screens[screen] if screen is not None and 0 <= screen < len(screens) else app.primaryScreen()
    if screen is not None and chosen is app.primaryScreen() and screen != 0:
        log.warning("no screen %d; using the primary screen", screen)
    if not windowed:
        geometry = chosen.geometry()
        size = (geometry.width(), geometry.height())
    window = MainWindow(loaded, error, lang, reduced_motion or settings.reduced_motion, size)
    install_exception_hook(window)
    lockdown = None
    if not windowed:  # from the first frame on: no key, menu or close gets past it
        lockdown = Lockdown(parent=window)
        app.installEventFilter(lockdown)
        window.close_guard = lambda: lockdown.unlocked
    restore_blanking: list[Callable[[], None]] = []

    def after_first_frame() -> None:
        """What the first screen does not need waits for it: the log file, the content watch,
        the show floor (idle, attract loop, admin, visit log) and the display's blanking."""
        open_log_file()
        from kiosk.showfloor.analytics import VisitRecorder  # noqa: PLC0415
        from kiosk.showfloor.floor import ShowFloor  # noqa: PLC0415
        from kiosk.system import screensaver  # noqa: PLC0415
        from kiosk.system.content_watcher import ContentWatcher  # noqa: PLC0415

        source = (data or default_content_path()).resolve()
        assets = loaded.assets_root if loaded is not None else None
        watcher = ContentWatcher(source, assets, check_image, parent=window, cache=cache)
        watcher.loaded.connect(window.receive_content)
        watcher.failed.connect(window.report_content_problems)
        floor = ShowFloor(
            window,
            settings,
            lambda changed: changed.save(),
            watcher.check_now,
            lockdown=lockdown,
            state_path=user_state_path(APP_NAME) / "state.json",
            recorder=VisitRecorder(user_data_path(APP_NAME) / "visits.sqlite3"),
        )
        if floor.resume_attract():
            log.info("restarted while the attract loop ran: it runs again")
        if not windowed:
            restore_blanking.append(screensaver.inhibit(QGuiApplication.platformName()))

    watchdog = Watchdog(window)
    window.first_frame.connect(watchdog.ready)
    window.first_frame.connect(after_first_frame, Qt.ConnectionType.SingleShotConnection)
    if windowed:
        window.show()
        return app.exec()
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    window.setGeometry(chosen.geometry())
    window.showFullScreen()
    quit_on_terminate(app, window)
    try:
        return app.exec()
    finally:
        for restore in restore_blanking:
            restore()
