"""Opening hours: the schedule's decisions at any moment of a week (an injected clock), the
settings that hold it, and what the kiosk tells the display (xset on X11, wlr-randr on a
wlroots compositor) to switch the screen off and back on."""

from __future__ import annotations

import json
import logging
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.system.opening_hours import Schedule
from kiosk.system.screensaver import DisplayPower
from kiosk.system.settings import Settings

WEEK = {
    "mon": "09:00-18:00",
    "tue": "09:00-18:00",
    "wed": "09:00-12:00, 13:00-21:00",
    "thu": "09:00-18:00",
    "fri": "09:00-24:00",
    "sat": "00:00-02:00, 10:00-20:00",
    # Sunday left out: closed
}
MONDAY = datetime(2026, 12, 7)  # a Monday


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return MONDAY.replace(day=MONDAY.day + day, hour=hour, minute=minute)


def test_open_and_closed_through_a_week() -> None:
    schedule, problem = Schedule.parse(WEEK)
    assert problem is None
    decisions = {
        _at(0, 8, 59): False,
        _at(0, 9, 0): True,
        _at(0, 17, 59): True,
        _at(0, 18, 0): False,
        _at(2, 12, 30): False,  # Wednesday's lunch break
        _at(2, 13, 0): True,
        _at(2, 20, 59): True,
        _at(4, 23, 59): True,  # Friday until midnight
        _at(5, 1, 30): True,  # ... and Saturday's first two hours
        _at(5, 2, 0): False,
        _at(5, 10, 0): True,
        _at(6, 12, 0): False,  # Sunday
    }
    assert {moment: schedule.is_open(moment) for moment in decisions} == decisions


def test_the_next_change_is_found_across_days() -> None:
    schedule, _ = Schedule.parse(WEEK)
    assert schedule.next_change(_at(0, 7, 0)) == _at(0, 9, 0)
    assert schedule.next_change(_at(0, 9, 0)) == _at(0, 18, 0)
    assert schedule.next_change(_at(2, 12, 0)) == _at(2, 13, 0)
    assert schedule.next_change(_at(4, 20, 0)) == _at(5, 2, 0)  # open over midnight
    assert schedule.next_change(_at(5, 21, 0)) == _at(7, 9, 0)  # past the closed Sunday
    assert Schedule().next_change(_at(0, 9)) is None
    assert Schedule.parse({"mon": "closed"})[0].next_change(_at(0, 9)) is None


def test_no_schedule_is_open_all_the_time() -> None:
    for value in ({}, None):
        schedule = Schedule.parse(value)[0] if value is not None else Schedule()
        assert schedule.always_open
        assert schedule.is_open(_at(6, 3))


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"monday": "09:00-18:00"}, "'monday' is not a weekday"),
        ({"mon": "9-18"}, "mon: '9-18' is not a time range"),
        ({"mon": "18:00-09:00"}, "mon: '18:00-09:00' ends before it starts"),
        ({"mon": "09:00-13:00, 12:00-18:00"}, "mon: its ranges overlap"),
        ({"mon": "25:00-26:00"}, "is not a time range"),
        ({"mon": 9}, 'mon: not a text such as "09:00-18:00"'),
        (["09:00-18:00"], "not an object of weekdays"),
    ],
)
def test_a_schedule_that_cannot_be_read_says_why_and_stays_open(value: object, problem: str) -> None:
    schedule, why = Schedule.parse(value)
    assert schedule.always_open
    assert why is not None
    assert problem in why


def test_settings_keep_good_hours_and_ignore_bad_ones(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"opening_hours": WEEK, "kiosk_id": "hall-a"}), encoding="utf-8")
    settings = Settings.load(path)
    assert settings.opening_hours == WEEK
    assert settings.kiosk_id == "hall-a"
    settings.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["opening_hours"] == WEEK
    path.write_text(json.dumps({"opening_hours": {"mon": "late"}}), encoding="utf-8")
    caplog.set_level(logging.WARNING)
    assert Settings.load(path).opening_hours == {}
    assert "opening_hours" in caplog.text
    assert "using {} (open all the time)" in caplog.text


def _tool(folder: Path, name: str, output: str = "") -> Path:
    """A stand-in for a system tool on PATH: it writes down how it was called."""
    calls = folder / f"{name}.calls"
    script = folder / name
    script.write_text(
        f'#!/bin/sh\necho "$*" >> "{calls}"\n' + (f"if [ $# -eq 0 ]; then printf '%s' '{output}'; fi\n"),
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return calls


def test_x11_screen_off_and_on_keeps_power_saving_off_while_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _tool(tmp_path, "xset")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":5")
    display = DisplayPower("xcb")
    display.on()  # on already: nothing to do
    display.off()
    assert display.off_now
    display.on()
    assert calls.read_text(encoding="utf-8").splitlines() == ["dpms force off", "dpms force on", "-dpms"]


def test_wayland_outputs_switched_by_wlr_randr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listing = 'HDMI-A-1 "Dell Inc. DELL P2419H (HDMI-A-1)"\n  Enabled: yes\n  Modes:\n    1920x1080 px\n'
    listing += 'DSI-1 "Raspberry Pi touch (DSI-1)"\n  Enabled: yes\n'
    calls = _tool(tmp_path, "wlr-randr", listing)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-1")
    display = DisplayPower("wayland")
    display.off()
    display.on()
    assert calls.read_text(encoding="utf-8").splitlines() == [
        "",
        "--output HDMI-A-1 --off",
        "--output DSI-1 --off",
        "--output HDMI-A-1 --on",
        "--output DSI-1 --on",
    ]


def test_elsewhere_the_screen_stays_on_and_the_log_says_so(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    display = DisplayPower("windows")
    display.off()
    display.off()
    assert not display.off_now
    assert caplog.text.count("cannot be switched off here") == 1
