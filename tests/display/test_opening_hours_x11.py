"""Opening hours on a real X server: a kiosk outside its hours shows nothing (black), a real
tap wakes it at the home screen for staff, and a stop while closed switches the screen on and
hands power saving back. (Xvfb has no DPMS extension, and its xset accepts the commands all
the same: which commands the kiosk gives is checked in tests/test_opening_hours.py.)"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from xserver import (
    KIOSK_BACKGROUND,
    KioskRun,
    XServer,
    XSession,
    colour_fraction,
    is_black,
    start_kiosk,
    wait_until,
)

QUIET_SPOT = (527, 560)  # on the home page, nothing there reacts to a tap


@pytest.fixture
def closed_kiosk(xvfb: XServer, tmp_path: Path) -> Iterator[KioskRun]:
    """The kiosk started with opening hours that leave every day closed, once it is black."""
    settings = tmp_path / "home" / "config" / "zgc-kiosk" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"opening_hours": {"mon": "closed"}}), encoding="utf-8")
    x = XSession(xvfb.display)
    wait_until(lambda: not x.mapped_windows(), 10, "the windows of an earlier kiosk to go")
    run = KioskRun(start_kiosk(xvfb.display, [], tmp_path), xvfb, x, tmp_path)
    try:
        wait_until(lambda: run.windows() and "closing time" in run.log(), 30, "the kiosk to start closed")
        yield run
    finally:
        run.stop()


def test_closed_kiosk_is_black_and_a_tap_wakes_it_for_staff(closed_kiosk: KioskRun) -> None:
    run = closed_kiosk
    closed = run.settle()
    run.save("closed", closed)
    assert is_black(closed), "outside opening hours nothing is drawn"
    run.x.tap(*QUIET_SPOT)
    wait_until(
        lambda: colour_fraction(run.screenshot(), KIOSK_BACKGROUND) > 0.3, 10, "the home screen to come back"
    )
    run.save("woken", run.settle())
    assert "woken outside opening hours (for staff)" in run.log()


def test_a_stop_while_closed_switches_the_screen_on_and_hands_power_saving_back(
    closed_kiosk: KioskRun,
) -> None:
    run = closed_kiosk
    assert is_black(run.settle())
    assert run.stop() == 0, run.log()
    log = run.log()
    stopping = log.index("stopping on signal")
    assert "screen on (xset)" in log[stopping:], log
    assert "kiosk stopped" in log[stopping:]
    assert "Traceback" not in log
