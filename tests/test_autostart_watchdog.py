"""Coming back by itself: the autostart files, the systemd watchdog pings, and the mode kept
across a restart."""

from __future__ import annotations

import codecs
import os
import plistlib
import socket
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

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


def test_the_unit_does_not_restart_a_start_the_kiosk_refused(tmp_path: Path) -> None:
    autostart.install([], config=tmp_path, platform="linux")
    service = autostart.paths(tmp_path)[0].read_text(encoding="utf-8").split("[Service]")[1]
    assert "RestartPreventExitStatus=2" in service.split("[Install]")[0]


def test_windows_gets_a_task_scheduler_task(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USERDOMAIN", "MUSEUM")
    monkeypatch.setenv("USERNAME", "kiosk")
    commands: list[list[str]] = []

    def schtasks(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
        commands.append(list(command))
        return subprocess.CompletedProcess(list(command), 0, "SUCCESS", "")

    lines = autostart.install(
        ["--data", r"C:\Exhibits\park content.json", "--screen", "1"],
        tmp_path,
        platform="win32",
        run=schtasks,
    )
    task_file = autostart.task_file(tmp_path)
    assert commands == [["schtasks", "/Create", "/TN", "zgc-kiosk", "/XML", str(task_file), "/F"]]
    raw = task_file.read_bytes()
    assert raw.startswith(codecs.BOM_UTF16_LE)  # as Task Scheduler itself writes task files
    task = ElementTree.fromstring(raw.decode("utf-16").split("?>", 1)[1])
    ns = {"t": autostart.TASK_NAMESPACE}

    def text(path: str) -> str | None:
        return task.findtext(path, namespaces=ns)

    assert text("t:Triggers/t:LogonTrigger/t:UserId") == "MUSEUM\\kiosk"
    assert text("t:Principals/t:Principal/t:LogonType") == "InteractiveToken"  # on the user's desktop
    assert text("t:Principals/t:Principal/t:RunLevel") == "LeastPrivilege"
    assert text("t:Settings/t:ExecutionTimeLimit") == "PT0S"
    assert text("t:Settings/t:DisallowStartIfOnBatteries") == "false"
    assert text("t:Settings/t:MultipleInstancesPolicy") == "IgnoreNew"
    assert text("t:Settings/t:RestartOnFailure/t:Count") == "10"
    assert text("t:Actions/t:Exec/t:Command") == sys.executable
    # Windows' own quoting: the content path with its space stays one argument.
    assert (
        text("t:Actions/t:Exec/t:Arguments") == '-m kiosk --data "C:\\Exhibits\\park content.json" --screen 1'
    )
    assert not autostart.paths(tmp_path)[0].exists()  # no systemd files on Windows
    assert any("schtasks /Run /TN zgc-kiosk" in line for line in lines)

    removed = autostart.remove(tmp_path, platform="win32", run=schtasks)
    assert commands[-1] == ["schtasks", "/Delete", "/TN", "zgc-kiosk", "/F"]
    assert not task_file.exists()
    assert f"removed {task_file}" in removed


def test_a_task_windows_refuses_is_one_clear_error(tmp_path: Path) -> None:
    def refuse(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(list(command), 1, "", "ERROR: Access is denied.\n")

    with pytest.raises(
        autostart.AutostartError, match=r"schtasks refused the task: ERROR: Access is denied\.$"
    ):
        autostart.install([], tmp_path, platform="win32", run=refuse)


def test_macos_gets_a_launch_agent(tmp_path: Path) -> None:
    lines = autostart.install(["--screen", "1"], platform="darwin", home=tmp_path)
    agent = tmp_path / "Library" / "LaunchAgents" / "local.zgc-kiosk.plist"
    assert f"wrote {agent}" in lines
    with agent.open("rb") as stream:
        job = plistlib.load(stream)
    assert job["Label"] == "local.zgc-kiosk"
    assert job["ProgramArguments"] == [sys.executable, "-m", "kiosk", "--screen", "1"]
    assert job["RunAtLoad"] is True
    # launchd starts it again after a crash, not after the admin's Exit (status 0).
    assert job["KeepAlive"] == {"SuccessfulExit": False}
    assert job["LimitLoadToSessionType"] == "Aqua"
    assert any("launchctl bootstrap gui/" in line for line in lines)
    assert not list((tmp_path / "Library").rglob("*.service"))
    autostart.remove(platform="darwin", home=tmp_path)
    assert not agent.exists()


def test_other_systems_are_told_it_cannot(tmp_path: Path) -> None:
    with pytest.raises(autostart.AutostartError, match=r"does not know how .* on 'freebsd14'"):
        autostart.install([], tmp_path, platform="freebsd14")
    assert not list(tmp_path.rglob("*"))


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
