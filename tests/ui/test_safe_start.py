"""No crash loop: after two starts in a row die within minutes, the next start shows the content
that last ran well (or says why there is none) and leaves the attract loop off."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from platformdirs import user_state_path
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import kiosk as kiosk_app
from kiosk.app.kiosk import Kiosk
from kiosk.app.safe_start import SafeStart
from kiosk.system.settings import APP_NAME
from kiosk.system.start_journal import RAN_WELL, STARTING

Writer = Callable[..., Path]
T0 = 1_764_000_000.0


def _two_versions(write_content: Writer, content_dict: dict[str, Any]) -> tuple[Path, str, str]:
    """The content file, and two sets of its bytes (the same exhibition, written differently)."""
    bad = json.dumps(content_dict, ensure_ascii=False)
    good = json.dumps(content_dict, ensure_ascii=False, indent=2)
    return write_content(good), good, bad


def test_after_two_quick_deaths_the_content_that_ran_well_comes_back(
    tmp_path: Path, write_content: Writer, content_dict: dict[str, Any]
) -> None:
    now = [T0]
    path, good, bad = _two_versions(write_content, content_dict)

    def start() -> SafeStart:
        return SafeStart(tmp_path / "state", clock=lambda: now[0])

    first = start().begin(path)
    assert first.loaded is not None
    assert not first.crash_loop
    start().ran_well(first.loaded)
    good_digest = first.loaded.digest
    path.write_text(bad, encoding="utf-8")
    for _ in range(2):  # the new file kills the kiosk twice, seconds after each start
        now[0] += 8
        plan = start().begin(path)
        assert plan.loaded is not None
        assert plan.loaded.digest != good_digest
        assert not plan.crash_loop
    now[0] += 8
    safe = start().begin(path)
    assert safe.crash_loop
    assert safe.loaded is not None
    assert safe.loaded.digest == good_digest
    assert safe.error is None
    assert safe.notes[0].startswith("Safe start")
    assert "last ran well" in safe.notes[1]
    # A fixed file on the next start, after the safe one ran well: a normal start again.
    start().ran_well(safe.loaded)
    path.write_text(good.replace("\n", "\r\n"), encoding="utf-8")
    now[0] += 60
    assert not start().begin(path).crash_loop


def test_with_nothing_that_ran_well_the_error_screen_says_why(
    tmp_path: Path, write_content: Writer, content_dict: dict[str, Any]
) -> None:
    now = [T0]
    path, _good, _bad = _two_versions(write_content, content_dict)
    for _ in range(2):
        SafeStart(tmp_path / "state", clock=lambda: now[0]).begin(path)
        now[0] += 5
    plan = SafeStart(tmp_path / "state", clock=lambda: now[0]).begin(path)
    assert plan.crash_loop
    assert plan.loaded is None
    assert plan.error is not None
    assert plan.error.source == str(path)
    assert "stopped twice" in str(plan.error.problems[0])
    assert "content-error screen" in plan.notes[1]


# ---- the kiosk itself -------------------------------------------------------------------------


@pytest.fixture
def kiosk_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every folder the kiosk writes to under tmp_path; nothing it would leave in this process
    (log file, preload thread, exception hook) outlives the test. Returns its state folder."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("KIOSK_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(kiosk_app, "open_log_file", lambda: None)
    monkeypatch.setattr(kiosk_app, "preload_later_modules", lambda _clear, _languages=(): None)
    return user_state_path(APP_NAME)


def _start(qapp: QApplication, path: Path) -> Kiosk:
    return Kiosk(qapp, path, "zh", True, (1280, 800), True, qapp.primaryScreen(), healthy_ms=300)


def _killed(qapp: QApplication, kiosk: Kiosk) -> None:
    """kill -9: the kiosk writes nothing more. Only what it shares with the test process goes."""
    qapp.aboutToQuit.disconnect(kiosk.shutdown)
    kiosk.termination.close()
    kiosk.window.router.stop()
    kiosk.window.deleteLater()


def test_a_kiosk_that_died_twice_starts_safe(
    qtbot: QtBot,
    qapp: QApplication,
    kiosk_folders: Path,
    write_content: Writer,
    content_dict: dict[str, Any],
) -> None:
    path, _good, bad = _two_versions(write_content, content_dict)
    earlier = SafeStart(kiosk_folders)
    ran_well = earlier.begin(path).loaded
    earlier.ran_well(ran_well)
    assert ran_well is not None
    path.write_text(bad, encoding="utf-8")
    (kiosk_folders / "state.json").write_text('{"mode": "attract"}\n', encoding="utf-8")
    for _ in range(2):
        dead = _start(qapp, path)
        assert not dead.start_plan.crash_loop
        _killed(qapp, dead)

    kiosk = _start(qapp, path)
    qtbot.addWidget(kiosk.window)
    try:
        assert kiosk.start_plan.crash_loop
        assert kiosk.session.loaded is not None
        assert kiosk.session.loaded.digest == ran_well.digest
        kiosk.show(qapp.primaryScreen())
        qtbot.waitUntil(lambda: kiosk.floor is not None, timeout=5000)
        floor = kiosk.floor
        assert floor is not None
        # It was in the attract loop when it died; this start leaves the loop off.
        assert floor.attract is not None
        assert not floor.attract.running
        diagnostics = "\n".join(floor.diagnostics())
        assert "Safe start" in diagnostics
        assert "last ran well" in diagnostics
        # A healthy minute (here 300 ms) later the journal says so: the next start is normal.
        journal = kiosk.safe_start.journal
        qtbot.waitUntil(lambda: journal.entries()[-1].event == RAN_WELL, timeout=5000)
        assert [e.event for e in journal.entries()[-4:]] == [STARTING, STARTING, STARTING, RAN_WELL]
    finally:
        kiosk.shutdown()
        qapp.aboutToQuit.disconnect(kiosk.shutdown)
    assert not SafeStart(kiosk_folders).begin(path).crash_loop
