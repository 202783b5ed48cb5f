"""Display blanking is switched off on X11 while the kiosk runs, and restored after."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from kiosk.system import screensaver


def test_xset_off_then_back_on(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def run(command: list[str], **_: Any) -> subprocess.CompletedProcess[bytes]:
        calls.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(screensaver.shutil, "which", lambda _name: "/usr/bin/xset")
    monkeypatch.setattr(screensaver.subprocess, "run", run)
    restore = screensaver.inhibit("xcb")
    assert calls == [["xset", "s", "off"], ["xset", "s", "noblank"], ["xset", "-dpms"]]
    restore()
    assert calls[3:] == [["xset", "s", "on"], ["xset", "s", "blank"], ["xset", "+dpms"]]


def test_nothing_to_do_off_x11(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: Any, **__: Any) -> None:
        raise AssertionError("xset must not run")

    monkeypatch.setattr(screensaver.subprocess, "run", fail)
    screensaver.inhibit("offscreen")()
