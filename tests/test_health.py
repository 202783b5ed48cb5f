"""The health line: what the kiosk's memory is made of, in its log every quarter hour and at
once on SIGUSR1 (how the long monkey bench reads the memory curve of a running kiosk)."""

from __future__ import annotations

import logging
import os
import signal
import sys

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app.boot import TerminationWatch
from kiosk.system.health import HealthLog, read_memory


def test_a_reading_counts_what_lives(qtbot: QtBot) -> None:
    before = read_memory()
    window = QWidget()
    qtbot.addWidget(window)
    labels = [QLabel(str(n), window) for n in range(50)]
    after = read_memory()
    assert after.widgets - before.widgets >= len(labels)
    assert after.qobjects - before.qobjects >= len(labels)
    assert after.qobjects >= after.widgets
    assert after.python_objects > 0
    if sys.platform.startswith("linux"):
        assert after.rss_mib is not None
        assert after.rss_mib > 10
        assert after.heap_in_use_mib is not None
        assert after.heap_held_mib is not None
        assert 0 < after.heap_in_use_mib <= after.heap_held_mib


def test_the_line_names_every_part() -> None:
    line = read_memory().as_log_line()
    assert line.startswith("health: ")
    names = [part.split("=")[0] for part in line.removeprefix("health: ").split()]
    assert names == [
        "rss_mib",
        "heap_in_use_mib",
        "heap_held_mib",
        "python_objects",
        "python_blocks",
        "qobjects",
        "widgets",
    ]


@pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="POSIX signals")
def test_sigusr1_writes_a_health_line_and_the_kiosk_keeps_running(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    health = HealthLog()
    stopped: list[bool] = []
    watch = TerminationWatch(lambda: stopped.append(True), on_report=health.log_now)
    try:
        with caplog.at_level(logging.INFO, logger="kiosk.system.health"):
            os.kill(os.getpid(), signal.SIGUSR1)
            qtbot.waitUntil(lambda: any("health: rss_mib=" in r.getMessage() for r in caplog.records))
        assert not stopped
    finally:
        watch.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_trimming_gives_freed_heap_back_to_the_system() -> None:
    from kiosk.system.health import resident_mib, trim_heap  # noqa: PLC0415

    blocks = [bytes(8000) for _ in range(10_000)]  # 80 MB from malloc, below its mmap size
    kept = blocks[::16]  # the survivors keep the heap's top in use: nothing returns by itself
    del blocks
    before = resident_mib()
    assert trim_heap()
    after = resident_mib()
    assert before is not None
    assert after is not None
    assert before - after > 30, f"resident {before} MiB -> {after} MiB"
    assert len(kept) == 625
