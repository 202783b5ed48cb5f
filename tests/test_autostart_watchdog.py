"""Coming back by itself: the autostart files, the systemd watchdog pings, and the mode kept
across a restart."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.system import autostart
from kiosk.system.watchdog import Watchdog, notify


def test_install_and_remove_write_unit_and_autostart(tmp_path: Path) -> None:
    lines = autostart.install(["--screen", "1"], config=tmp_path)
    unit, desktop = autostart.paths(tmp_path)
    text = unit.read_text(encoding="utf-8")
    assert "Restart=always" in text
    assert "WatchdogSec=30" in text
    assert "Type=notify" in text
    # The outer guard against a crash loop, where systemd reads it: the [Unit] section.
    unit_section = text.split("[Service]")[0]
    assert "StartLimitIntervalSec=600" in unit_section
    assert "StartLimitBurst=10" in unit_section
    assert "-m kiosk --screen 1" in text
    assert f"systemctl --user start {autostart.UNIT}" in desktop.read_text(encoding="utf-8")
    assert any("daemon-reload" in line for line in lines)
    autostart.remove(config=tmp_path)
    assert not unit.exists()
    assert not desktop.exists()


def test_sd_notify_reaches_the_socket(tmp_path: Path) -> None:
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(address)
        assert notify("READY=1", address)
        assert server.recv(64) == b"READY=1"


def test_watchdog_pings_from_the_ui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(address)
        server.settimeout(5)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        monkeypatch.setenv("WATCHDOG_USEC", "2000000")  # 2 s: a ping every second
        watchdog = Watchdog()
        watchdog.ready()
        assert server.recv(64) == b"READY=1"
        assert watchdog.timer.interval() == 1000
        with qtbot.waitSignal(watchdog.timer.timeout, timeout=3000):
            pass
        assert server.recv(64) == b"WATCHDOG=1"
        watchdog.timer.stop()


def test_no_systemd_no_pings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert not notify("READY=1")
    watchdog = Watchdog()
    watchdog.ready()
    assert not watchdog.timer.isActive()
    assert "NOTIFY_SOCKET" not in os.environ
