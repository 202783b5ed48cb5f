"""What the kiosk's memory is made of, written to the log now and then.

A kiosk that runs for weeks is judged by its memory curve. One line every quarter of an hour
(and at once on SIGUSR1, see `kiosk.app.boot.TerminationWatch`) tells which part grows when
one does: the resident set, the C heap (glibc's allocator, where Qt's objects live), Python's
objects and Qt's own objects.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import logging
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

HEALTH_INTERVAL_MS = 15 * 60 * 1000
MIB = 1024 * 1024


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


@functools.cache
def _mallinfo2() -> Callable[[], _MallInfo2] | None:
    """glibc's mallinfo2, from the symbols already in the process (no library search)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):  # musl, or glibc before 2.33
        return None
    function.restype = _MallInfo2
    function.argtypes = []
    return cast("Callable[[], _MallInfo2]", function)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    function.restype = ctypes.c_int
    function.argtypes = [ctypes.c_size_t]
    return cast("Callable[[int], int]", function)


def trim_heap() -> bool:
    """Give the C heap's free memory back to the system (glibc keeps it otherwise: after
    pages are torn down, tens of MiB stay resident for weeks). Whether anything was returned."""
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False


@dataclass(frozen=True)
class MemoryReading:
    """One look at the process's memory. A part the platform cannot tell is None."""

    rss_mib: float | None
    heap_in_use_mib: float | None  # glibc: allocated blocks, small and mmapped
    heap_held_mib: float | None  # glibc: what the allocator holds from the system
    python_objects: int  # tracked by the cyclic collector, frozen ones included
    python_blocks: int  # sys.getallocatedblocks(): every object, tracked or not
    qobjects: int
    widgets: int

    def as_log_line(self) -> str:
        parts = [f"{key}={'-' if value is None else value}" for key, value in asdict(self).items()]
        return "health: " + " ".join(parts)


def resident_mib() -> float | None:
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def count_qobjects() -> tuple[int, int]:
    """(every QObject reachable from the application and its top-level widgets, widgets)."""
    app = QCoreApplication.instance()
    if app is None:
        return 0, 0
    total = 1 + len(app.findChildren(QObject))
    widgets = 0
    if isinstance(app, QApplication):
        widgets = len(app.allWidgets())
        for top in app.topLevelWidgets():
            total += 1 + len(top.findChildren(QObject))
    return total, widgets


def read_memory() -> MemoryReading:
    heap_in_use = heap_held = None
    mallinfo2 = _mallinfo2()
    if mallinfo2 is not None:
        info = mallinfo2()
        heap_in_use = round((info.uordblks + info.hblkhd) / MIB, 1)
        heap_held = round((info.arena + info.hblkhd) / MIB, 1)
    qobjects, widgets = count_qobjects()
    return MemoryReading(
        rss_mib=resident_mib(),
        heap_in_use_mib=heap_in_use,
        heap_held_mib=heap_held,
        python_objects=len(gc.get_objects()) + gc.get_freeze_count(),
        python_blocks=sys.getallocatedblocks(),
        qobjects=qobjects,
        widgets=widgets,
    )


class HealthLog(QObject):
    """Logs a `MemoryReading` every `interval_ms` (then gives the heap's free memory back),
    and whenever `log_now` is called."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = HEALTH_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _on_timer_timeout(self) -> None:
        self.log_now()
        trim_heap()

    def log_now(self) -> MemoryReading:
        reading = read_memory()
        log.info(reading.as_log_line())
        return reading
