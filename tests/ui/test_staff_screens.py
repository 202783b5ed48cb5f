"""Staff screens left alone close by themselves: the PIN pad after its time without input, the
admin panel after a visible countdown; then the idle reset and the attract loop run as ever.
Exit asks for a second tap. All through real touch events."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot
from touch import press, release, tap

from kiosk.showfloor.floor import ShowFloor
from kiosk.showfloor.overlays.admin import AdminPanel
from kiosk.system.settings import Settings
from kiosk.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]

PIN_TIMEOUT_MS = 700
ADMIN_TIMEOUT_MS = 1200
ADMIN_WARNING_MS = 800
EXIT_CONFIRM_MS = 400


@dataclass
class Staff:
    window: MainWindow
    show: ShowFloor


@pytest.fixture
def staff(make_window: MakeWindow) -> Iterator[Staff]:
    window = make_window()
    show = ShowFloor(
        window.session,
        window,
        Settings(),
        lambda _s: None,
        lambda: None,
        idle_ms=300,
        countdown_ms=300,
        hold_ms=200,
        pin_timeout_ms=PIN_TIMEOUT_MS,
        admin_timeout_ms=ADMIN_TIMEOUT_MS,
        admin_warning_ms=ADMIN_WARNING_MS,
        exit_confirm_ms=EXIT_CONFIRM_MS,
    )
    yield Staff(window, show)
    show.close()
    window.close()


def _hold_the_corner(qtbot: QtBot, staff: Staff) -> None:
    at = press(staff.window, QPoint(10, 10))
    qtbot.waitUntil(staff.show.pin_pad.isVisible, timeout=2000)
    release(staff.window, at)


def _unlock(qtbot: QtBot, staff: Staff) -> AdminPanel:
    _hold_the_corner(qtbot, staff)
    for key in ("2", "0", "2", "5", "OK"):
        tap(staff.show.pin_pad.keys[key])
    admin = staff.show.admin
    qtbot.waitUntil(admin.isVisible)
    return admin


def _attract_running(staff: Staff) -> Callable[[], bool]:
    return lambda: staff.show.attract is not None and staff.show.attract.running


def test_a_pin_pad_left_alone_closes_then_the_kiosk_resets_as_usual(qtbot: QtBot, staff: Staff) -> None:
    staff.window.session.go_to("vision/green", direction=0)
    _hold_the_corner(qtbot, staff)
    pad = staff.show.pin_pad
    tap(pad.keys["1"])
    # Input keeps it up well past its time limit; the idle countdown stays away meanwhile.
    for _ in range(6):
        qtbot.wait(150)
        tap(pad.keys["⌫"])
        assert pad.isVisible()
        assert not staff.show.countdown.isVisible()
    qtbot.waitUntil(lambda: not pad.isVisible(), timeout=3000)
    assert pad.entered == ""
    qtbot.waitUntil(staff.show.countdown.isVisible, timeout=3000)
    qtbot.waitUntil(_attract_running(staff), timeout=3000)
    assert staff.window.session.current_id == "home"
    staff.show.attract.stop()  # type: ignore[union-attr]


def test_an_admin_panel_left_alone_counts_down_in_both_languages_then_closes(
    qtbot: QtBot, staff: Staff
) -> None:
    admin = _unlock(qtbot, staff)
    assert admin.closing.isHidden()  # no countdown while there is time
    qtbot.waitUntil(lambda: not admin.closing.isHidden(), timeout=3000)
    shown = admin.closing.text()
    assert "秒后自动关闭" in shown
    assert "Closes in" in shown
    assert admin.panel.geometry().contains(admin.closing.geometry().translated(admin.panel.pos()))
    # A touch on the panel gives the admin the whole time again.
    tap(admin.details)
    assert admin.closing.isHidden()
    assert admin.remaining_ms() > ADMIN_WARNING_MS
    qtbot.waitUntil(lambda: not admin.closing.isHidden(), timeout=3000)
    qtbot.waitUntil(lambda: not admin.isVisible(), timeout=3000)
    assert staff.window.isVisible()
    # Then the show floor is unattended again: the idle countdown, the reset, the attract loop.
    qtbot.waitUntil(staff.show.countdown.isVisible, timeout=3000)
    qtbot.waitUntil(_attract_running(staff), timeout=3000)
    staff.show.attract.stop()  # type: ignore[union-attr]


def test_exit_asks_for_a_second_tap(qtbot: QtBot, staff: Staff) -> None:
    admin = _unlock(qtbot, staff)
    tap(admin.exit_button)
    assert staff.window.isVisible()
    assert admin.exit_armed
    staff.window.session.language.set("en")
    assert admin.exit_button.text() == "Tap again to exit"
    # Not confirmed in time: back to the plain button, and the next tap only asks again.
    qtbot.waitUntil(lambda: not admin.exit_armed, timeout=2000)
    assert admin.exit_button.text() == "Exit the kiosk"
    tap(admin.exit_button)
    assert staff.window.isVisible()
    assert admin.exit_armed
    # Closing the panel forgets the first tap too.
    admin.hide()
    assert not admin.exit_armed
    admin.open()
    assert admin.exit_button.text() == "Exit the kiosk"
    tap(admin.exit_button)
    tap(admin.exit_button)
    assert not staff.window.isVisible()
