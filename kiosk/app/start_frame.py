"""The starting window: the home screen as this kiosk last drew it, on screen as soon as Qt
can show a window, while the live window is built behind it (kiosk mode only).

What it buys (Xvfb, 1920x1080, warm; bench/README.md): the live window needs the content
model, the UI modules, the fonts and the home page's widgets, laid out and painted, before
its first frame; the stored frame needs Qt and one 8 MB read. Home is on screen in about half
the time. The live window then maps over the picture (Qt's X11 windows have no background of
their own: the picture stays until the live frame covers it) and the starting window closes
once the live window's first frame is on screen.

The picture is shown only when it is exactly what the live window will show: it was stored
by a kiosk started with the same command-line choices, on a screen of the same geometry, by
the same code (the kiosk's files, Python, PySide6, Qt, the QT_ environment), and every file
its screen came from (the content and its artwork, the settings, without a PIN of the
kiosk's own the PIN's state, the bundled fonts) is as it was then; and the start journal
shows no crash loop (a safe start shows other content, or the error screen). Anything else is
a miss, and the kiosk starts as it did without it, down to the order of its checks: Qt is not
even imported before a match.

Input that reaches the starting window (a tap, a key) is kept in order and handed to the
live window once its first frame is on screen, as if it had gone there, and its answer is
drawn at once: nothing a visitor does in the first moments is lost, and none of it acts on the
picture.

This module is imported before anything of the kiosk's UI, so it imports only the standard
library and Qt (after a match). `StartFrameStore` writes the picture from the running kiosk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import struct
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import __version__

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QImage, QScreen
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.app.start_window import StartWindow

log = logging.getLogger(__name__)

FORMAT = 1
MAGIC = b"kiosk-start-frame\n"
FILE_NAME = "start-frame.bin"
# `kiosk.system.settings.APP_NAME` (a test keeps them equal): that module costs 25 ms to import.
CACHE_FOLDER_NAME = "zgc-kiosk"
MAX_HEADER_BYTES = 4 * 2**20
# A file this small is compared by its bytes' digest, a larger one (artwork) by size and time.
HASHED_BYTES = 2 * 2**20
# Larger than any screen the command line accepts (8192x8192, 4 bytes a pixel).
MAX_PIXEL_BYTES = 8192 * 8192 * 4
STATUS_SHOWN = "STATUS=start frame on screen"

Stamp = list[Any]  # [size, mtime_ns or 0, sha256 or ""], or [] for a file that does not exist


def cache_folder() -> Path:
    from platformdirs import user_cache_path  # noqa: PLC0415 (only when looking for a frame)

    return user_cache_path(CACHE_FOLDER_NAME)


@dataclass(frozen=True)
class StartRequest:
    """What `kiosk run` was asked for, as far as it changes the first screen or whether the
    kiosk starts at all (the default PIN's refusal, a language the content lacks)."""

    data: Path | None
    lang: str | None
    windowed: bool
    reduced_motion: bool
    screen: int | None
    allow_default_pin: bool

    def choices(self) -> dict[str, Any]:
        return {
            "data": str(self.data.resolve()) if self.data is not None else None,
            "lang": self.lang,
            "reduced_motion": self.reduced_motion,
            "screen": self.screen,
            "allow_default_pin": self.allow_default_pin,
        }


def file_stamp(path: Path) -> Stamp:
    """What tells a change of `path`: a small file's size and digest (rewritten with the same
    bytes, it is the same file), a larger one's (artwork) size and time stamp."""
    try:
        status = path.stat()
        if status.st_size > HASHED_BYTES:
            return [status.st_size, status.st_mtime_ns, ""]
        with path.open("rb") as stream:
            return [status.st_size, 0, hashlib.file_digest(stream, "sha256").hexdigest()]
    except OSError:
        return []


def code_stamp() -> str:
    """Changes with any file of the kiosk package (its code, catalogs, bundled data), with
    Python and with the kiosk's version. Sizes and time stamps: a walk of about 150 files."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"{FORMAT} {__version__} {sys.version}".encode())
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            status = os.stat(os.path.join(folder, name))
            digest.update(f"{folder}/{name} {status.st_size} {status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def process_inputs(request: StartRequest) -> dict[str, Any]:
    """What the first screen depends on that is known before Qt is imported."""
    return {
        "format": FORMAT,
        "code": code_stamp(),
        "choices": request.choices(),
        "qt_environment": sorted((k, v) for k, v in os.environ.items() if k.startswith("QT_")),
    }


def screen_inputs(app: QApplication, screen: QScreen) -> dict[str, Any]:
    """What the first screen depends on that Qt says: its version, platform and the screen."""
    import PySide6  # noqa: PLC0415
    from PySide6.QtCore import qVersion  # noqa: PLC0415

    geometry = screen.geometry()
    return {
        "pyside": PySide6.__version__,
        "qt": qVersion(),
        "platform": app.platformName(),
        "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
        "pixel_ratio": screen.devicePixelRatio(),
    }


def crash_loop_in(journal: Path, window_s: float, now: float | None = None) -> bool:
    """`kiosk.system.start_journal.StartJournal.crash_loop`, read without importing it (it
    brings the content model): the last two entries both starts, the earlier within the
    window. A journal that cannot be read counts as no crash loop, as it does there."""
    try:
        with journal.open("rb") as stream:
            stream.seek(0, os.SEEK_END)
            stream.seek(max(0, stream.tell() - 4096))
            text = stream.read().decode("utf-8", errors="replace")
    except OSError:
        return False
    entries: list[tuple[float, str]] = []
    for line in text.splitlines():
        stamp, _, rest = line.strip().partition(" ")
        for event in ("starting", "ran well"):
            if rest == event or rest.startswith(event + " "):
                with contextlib.suppress(ValueError):
                    entries.append((float(stamp), event))
                break
    if len(entries) < 2:
        return False
    (earlier_time, earlier), (_, last) = entries[-2:]
    moment = time.time() if now is None else now
    return earlier == "starting" and last == "starting" and moment - earlier_time <= window_s


# ---- the stored frame ------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredFrame:
    """The header of a stored frame (what it was drawn from) and where its pixels start."""

    header: dict[str, Any]
    path: Path
    pixels_at: int

    @classmethod
    def read_header(cls, path: Path) -> StoredFrame | None:
        try:
            with path.open("rb") as stream:
                if stream.read(len(MAGIC)) != MAGIC:
                    return None
                (size,) = struct.unpack("<I", stream.read(4))
                if size > MAX_HEADER_BYTES:
                    return None
                header = json.loads(stream.read(size))
        except (OSError, ValueError, struct.error):
            return None
        if not isinstance(header, dict):
            return None
        return cls(header, path, len(MAGIC) + 4 + size)

    def matches_process(self, inputs: dict[str, Any]) -> str | None:
        """Why this frame is not the one the kiosk will draw, from what is known before Qt; None
        when it may be."""
        if self.header.get("process") != _as_stored(inputs):
            return "stored by another version or with other choices"
        files = self.header.get("files")
        if not isinstance(files, list):
            return "no list of files"
        for path, stamp in files:
            if file_stamp(Path(path)) != stamp:
                return f"{path} changed"
        journal = self.header.get("journal")
        if not isinstance(journal, list) or len(journal) != 2:
            return "no start journal"
        if crash_loop_in(Path(journal[0]), float(journal[1])):
            return "a crash loop: the safe start shows other content"
        return None

    def matches_screen(self, inputs: dict[str, Any]) -> str | None:
        if self.header.get("screen") != _as_stored(inputs):
            return "drawn for another screen or Qt"
        return None

    def image(self) -> tuple[QImage, bytes] | None:
        """The picture, and the bytes it is drawn from (they must outlive it)."""
        from PySide6.QtGui import QImage  # noqa: PLC0415

        width, height, line = (int(self.header.get(key, 0)) for key in ("width", "height", "bytes_per_line"))
        expected = line * height
        if min(width, height) <= 0 or line < width * 4 or expected > MAX_PIXEL_BYTES:
            return None
        try:
            with self.path.open("rb") as stream:
                stream.seek(self.pixels_at)
                pixels = stream.read(expected + 1)
        except OSError:
            return None
        if len(pixels) != expected:
            return None
        return QImage(pixels, width, height, line, QImage.Format.Format_RGB32), pixels


def encode(header: dict[str, Any], image: QImage) -> bytes:
    """A stored frame: the magic line, the header's length and JSON, then the raw pixels (no
    compression: 4 ms to read warm, where decoding a PNG of home takes 14 ms)."""
    from PySide6.QtGui import QImage  # noqa: PLC0415

    picture = image.convertToFormat(QImage.Format.Format_RGB32)
    header = {
        **header,
        "width": picture.width(),
        "height": picture.height(),
        "bytes_per_line": picture.bytesPerLine(),
    }
    text = json.dumps(header, sort_keys=True).encode()
    return MAGIC + struct.pack("<I", len(text)) + text + bytes(picture.constBits())


# ---- the starting window ---------------------------------------------------------------------


@dataclass
class StartFrame:
    """A start with or without a stored frame on screen: the inputs for storing the next one,
    and the starting window when there was a frame to show."""

    request: StartRequest
    process: dict[str, Any]
    window: StartWindow | None = None  # while it is on screen
    shown_after_s: float | None = None
    # Why a stored frame was not shown (logged once logging is set up: this runs before).
    not_shown: str | None = None

    def log_outcome(self) -> None:
        if self.shown_after_s is not None:
            log.info("start frame shown %.0f ms after the command started", self.shown_after_s * 1000)
        elif self.not_shown is not None:
            log.info("start frame not shown: %s", self.not_shown)

    def hand_over(self, live: QWidget, first_frame: SignalInstance) -> None:
        """Once `live` is on screen (`first_frame`), the input kept for it goes to it, and the
        picture goes."""
        window = self.window
        if window is None:
            return
        from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: PLC0415

        def swap() -> None:
            if window.pass_input_to(live):
                # The answer drawn now, before the rest of the start-up (the show floor, the
                # preload) holds the UI thread: first input answered about 250 ms sooner.
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                live.repaint()
            window.retire(live)

        first_frame.connect(swap, Qt.ConnectionType.SingleShotConnection)
        self.window = None


def show_stored_frame(request: StartRequest, folder: Path | None = None) -> StartFrame:
    """The stored frame on screen when it is the one the kiosk will draw; returns once it is
    (or at once, without it). Qt and the application are created here only after a match."""
    started = time.monotonic()
    inputs = process_inputs(request)
    start = StartFrame(request, inputs)
    if request.windowed:
        return start
    stored = StoredFrame.read_header((folder or cache_folder()) / FILE_NAME)
    if stored is None:
        return start
    start.not_shown = stored.matches_process(inputs)
    if start.not_shown is not None:
        return start
    from kiosk.app.display import application, choose_screen  # noqa: PLC0415 (Qt, after a match)

    app = application()
    screen = choose_screen(app, request.screen)
    start.not_shown = stored.matches_screen(screen_inputs(app, screen))
    picture = stored.image() if start.not_shown is None else None
    if picture is None:
        start.not_shown = start.not_shown or "its pixels are unreadable"
        return start
    from kiosk.app.start_window import StartWindow  # noqa: PLC0415 (Qt, after a match)

    picture[0].setDevicePixelRatio(screen.devicePixelRatio())  # stored in device pixels
    window = StartWindow(*picture)
    window.setGeometry(screen.geometry())
    _wait_until_shown(app, window)
    start.window = window
    start.shown_after_s = time.monotonic() - started
    from kiosk.system.watchdog import notify  # noqa: PLC0415

    notify(STATUS_SHOWN)
    return start


def _wait_until_shown(app: QApplication, window: QWidget, timeout_ms: int = 2000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    loop = QEventLoop(app)
    window.shown.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)  # a display that never exposes it: start anyway
    window.showFullScreen()
    loop.exec()


# ---- storing the next one --------------------------------------------------------------------


class StartFrameStore:
    """Writes the frame the next start shows: the live home screen, with what it was drawn from.

    `files` are the files its screen came from; `journal` the start journal and its window.
    The picture is taken only while the screen is the first visitor's home (the caller says
    when), and only when every file is as it was when the screen was built."""

    def __init__(
        self,
        start: StartFrame,
        files: Iterable[Path],
        journal: tuple[Path, float],
        folder: Path | None = None,
    ) -> None:
        self.path = (folder or cache_folder()) / FILE_NAME
        self._start = start
        self._files = sorted({str(path) for path in files})
        self._stamps: list[tuple[str, Stamp]] = [(path, file_stamp(Path(path))) for path in self._files]
        self._journal = [str(journal[0]), journal[1]]
        self._writer: threading.Thread | None = None

    def header(self, screen: dict[str, Any]) -> dict[str, Any]:
        return {
            "process": self._start.process,
            "screen": screen,
            "files": self._stamps,
            "journal": self._journal,
        }

    def unchanged(self) -> bool:
        """Every file as it was when the live screen was built (so the picture shows them)."""
        return all(file_stamp(Path(path)) == stamp for path, stamp in self._stamps)

    def store(self, image: QImage, screen: dict[str, Any]) -> threading.Thread | None:
        """Write `image` (the live window's home screen) on a worker thread: the file is 8 MB
        at 1920x1080 and the UI thread keeps its turns. Returns the writer, or None when the
        stored frame would not be right (a file changed) or is already this one, to the byte
        (a damaged one is replaced)."""
        if not self.unchanged():
            return None
        data = encode(self.header(screen), image)
        try:
            if self.path.stat().st_size == len(data) and self.path.read_bytes() == data:
                return None
        except OSError:
            pass  # none yet
        self._writer = threading.Thread(target=self._write, args=(data,), name="start-frame", daemon=False)
        self._writer.start()
        return self._writer

    def _write(self, data: bytes) -> None:
        from kiosk.system.safe_write import write_atomically  # noqa: PLC0415

        try:
            write_atomically(self.path, lambda path: path.write_bytes(data))
        except OSError as error:
            log.warning("start frame not stored: %s", error)
            return
        log.info("start frame stored in %s", self.path)


def _as_stored(value: Any) -> Any:
    """`value` as it reads back from a header (tuples become lists)."""
    return json.loads(json.dumps(value, sort_keys=True))
