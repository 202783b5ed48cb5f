"""Staff screens left alone close by themselves: the PIN pad after its time without input, the
admin panel after a visible countdown; then the idle reset and the attract loop run as ever.
Exit asks for a second tap. All through real touch events."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from touch import press, release, tap

from kiosk.showfloor.floor import ShowFloor
from kiosk.showfloor.overlays.admin import AdminPanel
from kiosk.system.settings import Settings
from kiosk.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]

# Long enough that a busy test machine's slow turn between two taps does not count as the
# staff member walking away; the loop below spans well over it.
PIN_TIMEOUT_MS = 1500
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
    # The show floor's pad, asked for each time: a change of theme (the window's size arriving
    # late on a busy machine) builds the overlays again, the open one open again.
    tap(staff.show.pin_pad.keys["1"])
    # Key presses keep it up well past its time limit; the idle countdown stays away meanwhile.
    # (Clicked as a button: the touches' way to the keys is the PIN entry tests' subject.)
    for _ in range(12):
        qtbot.wait(150)
        staff.show.pin_pad.keys["⌫"].click()
        assert staff.show.pin_pad.isVisible()
        assert not staff.show.countdown.isVisible()
    qtbot.waitUntil(lambda: not staff.show.pin_pad.isVisible(), timeout=5000)
    assert staff.show.pin_pad.entered == ""
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


def _gap(a: QWidget, b: QWidget) -> int:
    """The empty space between two widgets' rectangles, in window pixels (0 when they touch)."""
    ra = QRect(a.mapTo(a.window(), QPoint(0, 0)), a.size())
    rb = QRect(b.mapTo(b.window(), QPoint(0, 0)), b.size())
    dx = max(rb.left() - ra.right() - 1, ra.left() - rb.right() - 1, 0)
    dy = max(rb.top() - ra.bottom() - 1, ra.top() - rb.bottom() - 1, 0)
    return max(dx, dy)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_pin_pad_has_real_keys_apart_and_a_localised_ok(
    qtbot: QtBot, make_window: MakeWindow, size: tuple[int, int]
) -> None:
    window = make_window(size=size)
    show = ShowFloor(window.session, window, Settings(), lambda _s: None, lambda: None, idle_ms=10**9)
    pad = show.pin_pad
    pad.open()
    keys = list(pad.keys.values())
    qtbot.waitUntil(lambda: all(key.isVisible() for key in keys))
    for key in keys:
        assert key.width() >= 64
        assert key.height() >= 64
    for index, key in enumerate(keys):
        for other in keys[index + 1 :]:
            assert _gap(key, other) >= 16, (key.accessibleName(), other.accessibleName())
    # Each key is drawn as a key: its edge differs from the panel around it.
    image = pad.keys["5"].grab().toImage()
    edge = image.pixelColor(image.width() // 2, 3)
    inside = image.pixelColor(image.width() // 4, image.height() // 2)
    assert edge != inside
    assert pad.keys["OK"].text() == "确定"
    assert pad.keys["⌫"].accessibleName() == "删除"
    window.session.language.set("en")
    assert pad.keys["OK"].text() == "OK"
    # Four empty places before any digit, filled one by one.
    assert (pad.slots.slot_count(), pad.slots.filled) == (4, 0)
    tap(pad.keys["1"])
    tap(pad.keys["2"])
    assert (pad.slots.slot_count(), pad.slots.filled) == (4, 2)
    show.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_admin_exit_is_set_apart_from_close(qtbot: QtBot, make_window: MakeWindow, lang: str) -> None:
    """Exit (the kiosk quits) and Close (back to the visitors) never look alike: other icon,
    other colour, the two ends of their own row, 16 px at least from every other action."""
    window = make_window()
    window.session.language.set(lang)
    show = ShowFloor(window.session, window, Settings(), lambda _s: None, lambda: None, idle_ms=10**9)
    admin = show.admin
    admin.open()
    qtbot.waitUntil(lambda: admin.exit_button.isVisible() and admin.close_button.isVisible())
    exit_image = admin.exit_button.grab().toImage()
    close_image = admin.close_button.grab().toImage()
    assert exit_image.pixelColor(exit_image.width() // 2, 3) != close_image.pixelColor(
        close_image.width() // 2, 3
    )
    assert admin.exit_button.text() != admin.close_button.text()
    exit_left = admin.exit_button.mapTo(window, QPoint(0, 0)).x()
    close_left = admin.close_button.mapTo(window, QPoint(0, 0)).x()
    assert exit_left - (close_left + admin.close_button.width()) >= admin.panel.width() // 3
    actions = [admin.reload_button, admin.attract_button, admin.language_button, admin.exit_button]
    for index, button in enumerate([*actions, admin.close_button]):
        for other in [*actions, admin.close_button][index + 1 :]:
            assert _gap(button, other) >= 16
    # The panel speaks the language on screen, its diagnostics too.
    texts = "\n".join([admin.details.text(), admin.exit_button.text()])
    if lang == "zh":
        assert "退出" in texts
        assert "内容状态" in texts
        assert "Content state" not in texts
    else:
        assert "Content state" in texts
    show.close()
