"""What every command that shows something starts with: the QApplication (made by
`kiosk.app.display`) with its style and the bundled fonts, logging, the content (validated, or read
from the validated-content cache), the exception hook, the termination watch, and the preload
of what the first screen does not need.
"""

from __future__ import annotations

import gc
import importlib
import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from platformdirs import user_cache_path, user_log_path
from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.app.display import application
from kiosk.content import ContentError, ContentProblem, LoadedContent, load_content
from kiosk.system.content_cache import ValidatedContentCache
from kiosk.system.resources import default_content_path, fonts_dir
from kiosk.system.settings import APP_NAME
from kiosk.ui import theme as th
from kiosk.ui.pages import PAGE_TYPES
from kiosk.ui.session import Session

log = logging.getLogger("kiosk")
FONT_SUFFIXES = (".otf", ".ttf")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def load_fonts() -> list[str]:
    """Register the bundled fonts; return the families they provide."""
    families: list[str] = []
    for path in sorted(p for p in fonts_dir().iterdir() if p.suffix in FONT_SUFFIXES):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("could not load font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def create_application(argv: list[str] | None = None) -> QApplication:
    app = application(argv)
    app.setApplicationName("zgc-kiosk")
    app.setStyle("Fusion")
    load_fonts()
    font = QFont(th.FONT_FAMILY)
    font.setFamilies(th.font_families())
    font.setPixelSize(30)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return app


def content_cache() -> ValidatedContentCache:
    return ValidatedContentCache(user_cache_path(APP_NAME))


def load_or_report(
    path: Path | None, cache: ValidatedContentCache | None = None, *, log_problems: bool = True
) -> tuple[LoadedContent | None, ContentError | None]:
    """The content at `path` (default: the bundled content), or why it cannot be shown (logged,
    unless the caller shows the problems itself). With a cache: unchanged content validated
    before is used as it was stored. Content in a release folder comes from this kiosk's
    verified snapshot of the release (while one arrives, the last complete one)."""
    source = path or default_content_path()
    try:
        source = _released(source)
    except ContentError as error:
        for line in error.lines():
            log.error("%s", line)
        return None, error
    cached = cache.load(source) if cache is not None else None
    if cached is not None:
        log.info("content %s: unchanged since it was last validated", source)
        return cached, None
    try:
        from kiosk.system.image_check import check_image  # noqa: PLC0415 (only when validating)

        loaded = load_content(source, check_image)
    except ContentError as error:
        for line in error.lines() if log_problems else ():
            log.error("%s", line)
        return None, error
    log.info("content %s: validated", source)
    if cache is not None:
        cache.store(loaded)
    return loaded, None


def _released(source: Path) -> Path:
    """Where to read `source` from: itself, or the snapshot of the release its folder holds."""
    from kiosk.system import release  # noqa: PLC0415

    if not release.is_released(source):
        return source
    store = release.store_path()
    try:
        snapshot, taken = release.snapshot(source, store)
    except release.ReleaseIncompleteError as waiting:
        earlier = release.last_complete(source, store)
        if earlier is None:
            raise ContentError(str(source), [ContentProblem("", str(waiting))]) from None
        log.warning("content %s: %s; showing the last complete release meanwhile", source, waiting)
        return earlier
    except (release.ReleaseError, OSError) as error:
        raise ContentError(
            str(source), [ContentProblem("", f"the release cannot be used: {error}")]
        ) from None
    log.info("content %s: release %r, verified", source, taken.version)
    return snapshot


def load_for_command(
    data: Path | None, languages: Sequence[str] = (), cache: ValidatedContentCache | None = None
) -> tuple[LoadedContent | None, int]:
    """The content a command (render, handout, slideshow, layout check) works on, in
    `languages`; else None and the exit code, with why on stderr: 1 for broken content, 2 for a
    language the content does not have."""
    loaded, error = load_or_report(data, cache, log_problems=False)
    if loaded is None:
        for line in error.lines() if error else []:
            print(line, file=sys.stderr)
        return None, 1
    known = loaded.content.meta.languages
    unknown = [lang for lang in languages if lang not in known]
    if unknown:
        print(f"unknown language {unknown[0]!r}; the content has {', '.join(known)}", file=sys.stderr)
        return None, 2
    return loaded, 0


def install_exception_hook(session: Session) -> None:
    """An exception in a slot is logged and the kiosk returns home; no dialog, no exit."""

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, value, trace))
        try:
            session.go_home()
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


class TerminationWatch(QObject):
    """SIGTERM and SIGINT end the event loop cleanly (systemd stops the kiosk with SIGTERM);
    SIGUSR1, when `on_report` is given, calls it (a health line for the log).

    Python runs a signal handler only between bytecodes, and the Qt event loop may sleep for a
    long time in C++: the handler only writes to a wakeup socket, whose notifier wakes the
    event loop at once; the quit itself then happens in an ordinary turn.
    """

    def __init__(
        self,
        on_signal: Callable[[], None],
        parent: QObject | None = None,
        on_report: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._on_report = on_report
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        watched = [signal.SIGTERM, signal.SIGINT]
        # SIGUSR1 asks a running kiosk for a health line in its log (POSIX only).
        self._report_signal: int | None = getattr(signal, "SIGUSR1", None) if on_report else None
        if self._report_signal is not None:
            watched.append(self._report_signal)
        self._previous = {number: signal.signal(number, self._handle) for number in watched}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    @staticmethod
    def _handle(_number: int, _frame: object) -> None:
        """Nothing here: the byte on the wakeup socket does the work."""

    def _on_notifier_activated(self) -> None:
        try:
            received = self._reader.recv(64)
        except OSError:
            return
        stopping = [byte for byte in received if byte != self._report_signal]
        if len(stopping) < len(received) and self._on_report is not None:
            self._on_report()
        if stopping:
            log.info("stopping on signal %s", ", ".join(str(byte) for byte in stopping))
            self._on_signal()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._reader.close()
        self._writer.close()


_preload: threading.Thread | None = None

# The Qt modules the preload's imports use: pyqtgraph brings QtOpenGL, QtOpenGLWidgets and QtTest.
PRELOAD_QT_MODULES = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtSvg",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtTest",
)
QT_TYPES_PER_STEP = 40  # 2-5 ms of the UI thread each


def qt_type_steps(modules: Sequence[str] = PRELOAD_QT_MODULES) -> list[Callable[[], None]]:
    """Steps that make every Python type of `modules`, for the UI thread to run before the
    preload's worker starts.

    PySide makes a Qt class's type the first time its name is read, and making one is not safe
    on two threads at once: shiboken's table of types to make, changed by the UI thread while
    the preload's imports read it, crashed the kiosk in the worker (a segfault in libshiboken6,
    twice in some two hundred starts under load). With every type made beforehand, the worker
    only reads them. All of them cost about 100-180 ms, in steps of 40 names.
    """

    def step(module_name: str, start: int) -> Callable[[], None]:
        def make() -> None:
            module = importlib.import_module(module_name)
            for name in dir(module)[start : start + QT_TYPES_PER_STEP]:
                getattr(module, name)

        return make

    steps: list[Callable[[], None]] = []
    for module_name in modules:
        count = len(dir(importlib.import_module(module_name)))
        steps += [step(module_name, start) for start in range(0, count, QT_TYPES_PER_STEP)]
    return steps


def _later_modules(languages: Sequence[str] = ()) -> list[Callable[[], object]]:
    """What the preload imports, one piece at a time: the largest (the chart library) alone;
    then the hyphenation dictionaries of `languages`."""
    from kiosk.i18n.hyphenation import load_dictionaries  # noqa: PLC0415
    from kiosk.i18n.numbers import load_cldr  # noqa: PLC0415

    def charts() -> None:
        import kiosk.ui.charts  # noqa: F401, PLC0415 (pyqtgraph and numpy: most of the preload)

    def accessibility() -> None:
        import kiosk.ui.overlays.accessibility  # noqa: F401, PLC0415

    return [*PAGE_TYPES.values(), charts, accessibility, load_cldr, lambda: load_dictionaries(languages)]


def _import_later_modules(clear: threading.Event | None, languages: Sequence[str]) -> None:
    try:
        for piece in _later_modules(languages):
            # Between two pieces the preload waits while a visitor's input is being answered:
            # that answer then has the interpreter's lock to itself (see kiosk.app.startup_work).
            if clear is not None:
                clear.wait()
            piece()
    except Exception:  # the pages import them again and report it there
        log.exception("could not preload the pages, the chart library and CLDR's number data")
    # What exists now (modules, classes, the first screen) lives as long as the kiosk: the
    # cyclic garbage collector need not walk it again. A full collection then takes about
    # 1 ms instead of 40, which would otherwise land at random, in the middle of a slide.
    gc.freeze()


def preload_later_modules(
    clear: threading.Event | None = None, languages: Sequence[str] = ()
) -> threading.Thread:
    """Import what the first screen does not need, on a worker thread, once (after the steps of
    `qt_type_steps` have run on the UI thread): the other pages'
    modules, the chart library (pyqtgraph, numpy: about 300 ms) and Babel's number data; between
    two of its imports, only while `clear` is set (the visitor's input waits for none of them).

    On the UI thread it would freeze the first screen for that long; on a worker the UI thread
    keeps its turns (the GIL is handed over every few milliseconds). A page opened before it is
    done waits for the import lock, as an import on the UI thread would have. The imports only
    define classes and value types (colours, pens); no QObject is made there. The worker waits
    only between two top-level imports, where it holds no import lock the UI thread could need.

    Not a daemon thread: a short run (`kiosk render` of one page, a kiosk stopped just after it
    started) waits for the imports to end before the interpreter shuts down, instead of tearing
    modules down under a thread still importing Qt classes (an occasional crash at exit).
    """
    global _preload  # noqa: PLW0603
    if _preload is None:
        _preload = threading.Thread(
            target=_import_later_modules, args=(clear, tuple(languages)), name="preload", daemon=False
        )
        _preload.start()
    return _preload
