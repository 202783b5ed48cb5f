"""Unattended on a show floor: no way out, a fair warning before a reset, an attract loop that
wakes without pressing anything, and the admin's hidden way in."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from touch import press, release, swipe, tap
from visible import visible_texts

from kiosk.app.boot import install_exception_hook
from kiosk.content import LoadedContent
from kiosk.showfloor.floor import ShowFloor
from kiosk.showfloor.lockdown import Lockdown
from kiosk.showfloor.overlays.attract import playlist
from kiosk.system.settings import Settings
from kiosk.ui import layout_audit as la
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.home import HomePage
from kiosk.ui.preferences import Preferences

MakeWindow = Callable[..., MainWindow]


@dataclass
class Floor:
    window: MainWindow
    show: ShowFloor
    now: list[float]
    saved: list[Settings] = field(default_factory=list)
    reloads: list[int] = field(default_factory=list)


@pytest.fixture
def floor(make_window: MakeWindow) -> Iterator[Floor]:
    lockdown = Lockdown(cursor_hide_ms=100)
    window = make_window(may_close=lambda: lockdown.unlocked)
    window.router.add_guard(lockdown.guard)
    now = [1000.0]
    saved: list[Settings] = []
    reloads: list[int] = []
    show = ShowFloor(
        window.session,
        window,
        Settings(),
        saved.append,
        lambda: reloads.append(1),
        lockdown=lockdown,
        idle_ms=300,
        countdown_ms=400,
        hold_ms=200,
        clock=lambda: now[0],
    )
    yield Floor(window, show, now, saved, reloads)
    show.close()
    lockdown.release()
    window.close()


def test_escape_keys_do_nothing(qtbot: QtBot, floor: Floor) -> None:
    window = floor.window
    window.session.go_to("vision/green", direction=0)
    for key, modifier in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    ):
        QTest.keyClick(window, key, modifier)
    assert floor.show.lockdown is not None
    assert floor.show.lockdown.blocked_keys == 6
    assert not window.close()
    assert window.isVisible()
    assert window.session.current_id == "vision/green"


def test_no_context_menu_anywhere(qtbot: QtBot, floor: Floor) -> None:
    home = floor.window.current_page
    assert isinstance(home, HomePage)
    windows_before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    for widget in (home.vision_tiles[0], home.title, floor.window.nav):
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5))
        )
        QApplication.sendEvent(widget, event)
        QTest.mouseClick(widget, Qt.MouseButton.RightButton)
    assert QApplication.activePopupWidget() is None
    assert {w for w in QApplication.topLevelWidgets() if w.isVisible()} == windows_before


def test_cursor_hides_when_still_and_shows_when_moved(qtbot: QtBot, floor: Floor) -> None:
    lockdown = floor.show.lockdown
    assert lockdown is not None
    qtbot.waitUntil(lambda: lockdown.cursor_hidden)
    assert QApplication.overrideCursor() is not None
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    QTest.mouseMove(floor.window, QPoint(300, 300))
    assert not lockdown.cursor_hidden
    qtbot.waitUntil(lambda: lockdown.cursor_hidden)


def test_idle_warning_then_a_touch_keeps_the_visitor(qtbot: QtBot, floor: Floor) -> None:
    window = floor.window
    window.session.go_to("tour/daxing", direction=0)
    window.session.language.set("en")
    countdown = floor.show.countdown
    qtbot.waitUntil(countdown.isVisible, timeout=3000)
    texts = visible_texts(countdown)
    assert "Still exploring?" in texts
    assert "还在浏览吗？" in texts
    tap(countdown, QPoint(20, 20))
    qtbot.waitUntil(lambda: not countdown.isVisible())
    assert window.session.current_id == "tour/daxing"
    assert window.session.language.current == "en"


def test_the_countdown_can_be_extended(qtbot: QtBot, floor: Floor) -> None:
    countdown = floor.show.countdown
    qtbot.waitUntil(countdown.isVisible, timeout=3000)
    before = floor.show.idle.remaining_ms()
    floor.show.countdown.extend_button.click()
    assert floor.show.idle.remaining_ms() > before + 50_000


def test_idle_resets_then_attract_loop_then_wake(qtbot: QtBot, floor: Floor) -> None:
    window = floor.window
    window.session.go_to("tour/yizhuang", direction=0)
    page = window.current_page
    assert page is not None
    page.set_step(2)
    window.session.language.set("en")
    attract = floor.show.attract
    assert attract is not None
    qtbot.waitUntil(lambda: attract.running, timeout=5000)
    assert window.session.current_id == "home"
    assert window.session.language.current == "zh"
    assert page.step_index() == 0
    assert " · ".join(["轻触开始", "Tap to start"]) == attract.call_to_action.text()
    # It cycles through its highlights on its own.
    first = attract.current_kind()
    attract.next_slide()
    assert attract.current_kind() != first
    # The first touch wakes the kiosk on its home screen and presses nothing under the finger.
    home = window.current_page
    assert isinstance(home, HomePage)
    tile = home.vision_tiles[0]
    tap(attract, tile.mapTo(window, tile.rect().center()))
    assert not attract.running
    assert window.session.current_id == "home"
    assert not tile.isDown()
    assert not floor.show.idle.paused


def test_admin_corner_pin_lockout_and_panel(qtbot: QtBot, floor: Floor) -> None:
    window = floor.window
    at = press(window, QPoint(10, 10))
    qtbot.waitUntil(floor.show.pin_pad.isVisible, timeout=2000)
    release(window, at)
    pad = floor.show.pin_pad
    for _ in range(5):
        for key in "9999":
            tap(pad.keys[key])
        tap(pad.keys["OK"])
    assert not pad.keys["2"].isEnabled()  # locked for a minute
    assert pad.gate.seconds_locked() == 60
    assert "60" in pad.prompt.text()
    for key in ("2", "0", "2", "5", "OK"):
        pad.press(key)
    assert not floor.show.admin.isVisible()  # still locked: the right PIN is refused too
    floor.now[0] += 61
    qtbot.waitUntil(pad.keys["2"].isEnabled, timeout=2000)
    for key in ("2", "0", "2", "5", "OK"):
        tap(pad.keys[key])
    admin = floor.show.admin
    qtbot.waitUntil(admin.isVisible)
    details = admin.details.text()
    # In the language on screen (here Chinese), as the rest of the panel.
    assert "内容状态：有效，正在显示" in details
    assert "内存" in details
    assert "Content state" not in details
    tap(admin.reload_button)
    assert floor.reloads == [1]
    tap(admin.language_button)
    assert floor.saved[-1].default_language == "en"
    tap(admin.exit_button)  # the first tap only asks
    assert window.isVisible()
    tap(admin.exit_button)
    assert not window.isVisible()


@pytest.mark.qt_no_exception_capture  # this test checks the kiosk's own exception hook
def test_an_exception_in_a_slot_returns_home(
    qtbot: QtBot, make_window: MakeWindow, caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window()
    window.session.go_to("voices", direction=0)

    class Source(QObject):
        fired = Signal()

    def broken() -> None:
        raise RuntimeError("a bug in a slot")

    source = Source()
    source.fired.connect(broken)
    saved = sys.excepthook
    install_exception_hook(window.session)
    try:
        source.fired.emit()
    finally:
        sys.excepthook = saved
    assert window.session.current_id == "home"
    assert window.isVisible()
    assert "a bug in a slot" in caplog.text


def test_a_restart_resumes_the_attract_loop(make_window: MakeWindow, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    window = make_window()
    show = ShowFloor(
        window.session, window, Settings(), lambda _s: None, lambda: None, idle_ms=10**8, state_path=state
    )
    show.start_attract()
    assert '"attract"' in state.read_text(encoding="utf-8")
    show.attract.stop()  # type: ignore[union-attr]
    # The same machine after a crash: a new window reads where it was.
    again = make_window()
    resumed = ShowFloor(
        again.session, again, Settings(), lambda _s: None, lambda: None, idle_ms=10**8, state_path=state
    )
    assert resumed.resume_attract()
    assert resumed.attract is not None
    assert resumed.attract.running
    resumed.attract.stop()


def test_a_visit_is_recorded_from_first_touch_to_reset(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    from kiosk.showfloor.analytics import VisitRecorder, build_report  # noqa: PLC0415

    window = make_window()
    recorder = VisitRecorder(tmp_path / "visits.sqlite3")
    show = ShowFloor(
        window.session, window, Settings(), lambda _s: None, lambda: None, idle_ms=400, countdown_ms=200,
        recorder=recorder,
    )  # fmt: skip
    home = window.current_page
    assert isinstance(home, HomePage)
    tap(home.entry_cards[0])
    qtbot.waitUntil(lambda: window.session.current_id == "tour/daxing")
    assert recorder.visit is not None
    assert window.nav is not None
    tap(window.nav.next_button)
    tap(window.nav.language_button)
    qtbot.waitUntil(lambda: show.attract is not None and show.attract.running, timeout=5000)
    assert recorder.visit is None
    show.attract.stop()  # type: ignore[union-attr]
    report = build_report(tmp_path / "visits.sqlite3")
    assert report.visits == 1
    assert {page for page, _, _ in report.top_pages} >= {"home", "tour/daxing"}
    assert report.languages == {"zh": 1, "en": 1}
    recorder.close()


def test_a_second_finger_does_not_press_a_second_control(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from touch import touchscreen  # noqa: PLC0415

    home = window.current_page
    assert isinstance(home, HomePage)
    first, second = home.vision_tiles[0], home.vision_tiles[3]
    a = first.mapTo(window, first.rect().center())
    b = second.mapTo(window, second.rect().center())
    changes: list[str] = []
    window.session.page_changed.connect(lambda page_id, _direction: changes.append(page_id))
    QTest.touchEvent(window, touchscreen()).press(0, a, window).commit()
    QTest.touchEvent(window, touchscreen()).stationary(0).press(1, b, window).commit()
    QTest.touchEvent(window, touchscreen()).stationary(0).release(1, b, window).commit()
    QTest.touchEvent(window, touchscreen()).release(0, a, window).commit()
    QApplication.processEvents()
    # At most the first finger's tile; never the second's, never two actions.
    assert changes in ([], ["vision/innovative"])
    assert not second.isDown()
    assert not first.isDown()


def _title_px(overlay: QWidget) -> int:
    """The pixel size of the overlay's headline as drawn."""
    titles = [label for label in overlay.findChildren(QLabel) if label.property("role") == "h1"]
    assert titles
    titles[0].ensurePolished()
    return QFontInfo(titles[0].font()).pixelSize()


def test_a_swipe_over_the_pin_pad_leaves_the_page_alone(qtbot: QtBot, floor: Floor) -> None:
    window = floor.window
    window.session.go_to("vision/green", direction=0)
    floor.show.pin_pad.open()
    swipe(floor.show.pin_pad, -500)
    swipe(floor.show.pin_pad, 500)
    assert window.session.current_id == "vision/green"
    assert floor.show.pin_pad.isVisible()


def test_a_swipe_wakes_the_attract_loop_home_and_goes_nowhere_else(qtbot: QtBot, floor: Floor) -> None:
    window = floor.window
    window.session.go_to("vision/green", direction=0)
    floor.show.start_attract()
    attract = floor.show.attract
    assert attract is not None
    assert attract.running
    swipe(attract, -500)
    assert not attract.running
    assert window.session.current_id == "home"
    assert window.session.history == []


def test_overlays_follow_a_new_screen_size(qtbot: QtBot, floor: Floor) -> None:
    before = _title_px(floor.show.countdown)
    floor.window.setFixedSize(3840, 2160)
    qtbot.waitUntil(lambda: floor.window.session.size == (3840, 2160))
    floor.show.countdown.open()
    assert floor.show.countdown.geometry() == floor.window.rect()
    assert _title_px(floor.show.countdown) == 2 * before


def test_larger_text_reaches_the_idle_countdown(qtbot: QtBot, floor: Floor) -> None:
    before = _title_px(floor.show.countdown)
    floor.window.session.set_preferences(Preferences(text_scale=1.5))
    assert _title_px(floor.show.countdown) == round(before * 1.5)
    qtbot.waitUntil(floor.show.countdown.isVisible, timeout=5000)  # the idle warning, in the new size
    assert _title_px(floor.show.countdown) == round(before * 1.5)


def test_the_attract_loop_is_shown_in_the_designs_text_whatever_was_chosen(
    qtbot: QtBot, floor: Floor
) -> None:
    """Started without an idle reset (the opening hours, a restart), the loop still shows the
    design's text size and colours: nothing of it cut by the last visitor's largest text."""
    window = floor.window
    window.session.set_preferences(Preferences(text_scale=1.5, high_contrast=True))
    floor.show.start_attract()
    loop = floor.show.attract
    assert loop is not None
    qtbot.waitUntil(loop.isVisible)
    assert loop.theme.text_scale == 1
    assert not loop.theme.high_contrast
    problems = la.audit(loop, must_fit=True)
    assert not problems, problems


def test_keys_under_the_pin_pad_leave_the_page_alone(qtbot: QtBot, floor: Floor) -> None:
    window = floor.window
    window.session.go_to("vision/green", direction=0)
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_Right)  # without an overlay, a key pages on
    assert window.session.current_id == "vision/smart"
    floor.show.pin_pad.open()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_Backspace):
        QTest.keyClick(handle, key)
    assert window.session.current_id == "vision/smart"


def test_the_attract_loop_never_repeats_a_figure(bundled: LoadedContent) -> None:
    """Two figure groups that open with the same figure: the second shows its next one."""
    content = bundled.content
    first, second = content.figure_groups[:2]
    shared = replace(second, figures=(first.figures[0], *second.figures))
    groups = (first, shared, *content.figure_groups[2:])
    loaded = replace(bundled, content=replace(content, figure_groups=groups))
    figures = [item.id for kind, item in playlist(loaded) if kind == "figure"]  # type: ignore[attr-defined]
    assert len(figures) == len(set(figures)) == len(content.figure_groups)
    assert figures[:2] == [first.figures[0], second.figures[0]]
