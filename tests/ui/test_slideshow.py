"""Presenter mode: the clicker and keyboard map, auto-advance with per-slide times, black and
white screens, the presenter view following along, and the PDF handout."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from touch import press, release

from kiosk.app.pdf import export_pdf
from kiosk.content import LoadedContent
from kiosk.content.pages import slide_list
from kiosk.presenter.slideshow import Slideshow
from kiosk.presenter.view import PresenterView, clock_text
from kiosk.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def show(make_window: MakeWindow) -> Iterator[Slideshow]:
    window = make_window()
    slideshow = Slideshow(window, time_scale=0.01)  # 20 s slides last 200 ms here
    slideshow.start()
    yield slideshow
    slideshow.set_auto(False)


def test_the_playlist_comes_from_the_content(bundled: LoadedContent, show: Slideshow) -> None:
    playlist = bundled.content.slideshow
    assert playlist is not None
    assert [s.page for s in show.slides] == [s.page for s in playlist.slides]
    assert show.window.current_id == "home"
    assert show.window.nav is not None
    assert not show.window.nav.isVisible()


def test_without_a_playlist_every_page_and_step(bundled: LoadedContent) -> None:
    content = dataclasses.replace(bundled.content, slideshow=None)
    slides = slide_list(content)
    assert slides[0].page == "home"
    assert [s.step for s in slides if s.page == "tour/daxing"] == [0, 1, 2, 3]
    assert len([s for s in slides if s.page == "voices"]) == len(content.voices)


@pytest.mark.parametrize(
    ("key", "modifier", "expected"),
    [
        (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier, 15),
    ],
)
def test_forward_keys(show: Slideshow, key: Qt.Key, modifier: Qt.KeyboardModifier, expected: int) -> None:
    show.set_auto(False)
    QTest.keyClick(show.window, key, modifier)
    assert show.index == expected


@pytest.mark.parametrize(
    "key", [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P]
)
def test_back_keys(show: Slideshow, key: Qt.Key) -> None:
    show.set_auto(False)
    show.go(5)
    QTest.keyClick(show.window, key)
    assert show.index == 4


def test_a_number_then_enter_jumps_and_home_returns(show: Slideshow) -> None:
    show.set_auto(False)
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Return):
        QTest.keyClick(show.window, key)
    assert show.index == 11
    assert show.window.current_id == "tour/daxing"
    assert show.window.current_page is not None
    assert show.window.current_page.step_index() == 2  # the playlist's stop
    QTest.keyClick(show.window, Qt.Key.Key_Home)
    assert show.index == 0


def test_clicker_keys(show: Slideshow) -> None:
    show.set_auto(False)
    show.go(3)
    QTest.keyClick(show.window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # resume here
    assert show.index == 3
    assert show.auto
    QTest.keyClick(show.window, Qt.Key.Key_F5)  # from the start
    assert show.index == 0


def test_black_and_white_screens_and_any_key_returns(qtbot: QtBot, show: Slideshow) -> None:
    QTest.keyClick(show.window, Qt.Key.Key_B)
    assert show.blank.isVisible()
    assert show.blank.colour.name() == "#000000"
    assert show.remaining_ms() == -1  # auto-advance waits while blank
    index = show.index
    QTest.keyClick(show.window, Qt.Key.Key_Right)  # any key returns, and does nothing else
    assert not show.blank.isVisible()
    assert show.index == index
    QTest.keyClick(show.window, Qt.Key.Key_Period)
    assert show.blank.isVisible()
    QTest.keyClick(show.window, Qt.Key.Key_X)
    QTest.keyClick(show.window, Qt.Key.Key_W)
    assert show.blank.colour.name() == "#ffffff"


def test_auto_advance_honours_per_slide_durations(qtbot: QtBot, show: Slideshow) -> None:
    assert show.current.duration_s == 25  # the playlist's own time for the first slide
    assert 200 < show.remaining_ms() <= 250
    with qtbot.waitSignal(show.slide_changed, timeout=2000):
        pass
    assert show.index == 1
    assert 150 < show.remaining_ms() <= 200  # the default 20 s for this one


def test_auto_advance_resumes_its_rhythm_after_a_manual_step(qtbot: QtBot, show: Slideshow) -> None:
    QTest.keyClick(show.window, Qt.Key.Key_Right)
    assert show.index == 1
    assert show.remaining_ms() > 150  # a full slide's time from here
    with qtbot.waitSignal(show.slide_changed, timeout=2000):
        pass
    assert show.index == 2
    QTest.keyClick(show.window, Qt.Key.Key_A)
    assert not show.auto
    assert show.remaining_ms() == -1


def test_escape_ends_the_show(qtbot: QtBot, show: Slideshow) -> None:
    with qtbot.waitSignal(show.ended):
        QTest.keyClick(show.window, Qt.Key.Key_Escape)


def test_presenter_view_follows_and_drives(qtbot: QtBot, show: Slideshow, bundled: LoadedContent) -> None:
    show.set_auto(False)
    now = [100.0]
    view = PresenterView(
        show, bundled, show.window.language, show.window.theme, (960, 540), 6, clock=lambda: now[0]
    )
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    QTest.keyClick(view, Qt.Key.Key_Right)  # keys in the presenter's window drive the audience's
    assert show.index == 1
    assert show.window.current_id == "vision/innovative"
    assert view.current_preview.pixmap() is not None
    assert not view.current_preview.pixmap().isNull()
    assert (
        "CNY 478.5 billion" in view.notes.text()
        or "478.5" in view.notes.text()
        or "研发" in view.notes.text()
    )
    assert "2 / 16" in view.status.text() or "第 2 张" in view.status.text()
    now[0] += 125
    view.refresh_times()
    assert view.elapsed.text() == "0:02:05"
    assert "0:03:55" in view.status.text()  # 6 minutes planned
    # A tap on the clock does not reset it; a long press does.
    at = press(view.elapsed, QPoint(5, 5))
    release(view.elapsed, at)
    assert view.elapsed.text() == "0:02:05"
    press(view.elapsed, QPoint(5, 5))
    qtbot.waitUntil(lambda: view.elapsed.text() == "0:00:00", timeout=3000)
    view.close()


def test_clock_text() -> None:
    assert clock_text(3725) == "1:02:05"


def test_pdf_handout_has_a_page_per_slide(tmp_path: Path, bundled: LoadedContent) -> None:
    target = tmp_path / "handout.pdf"
    assert export_pdf(target, "en", True, None) == 0
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    assert len(pages) == len(slide_list(bundled.content))
    assert b"/FontFile" in data or b"/FontFile2" in data  # text as text, with its font embedded


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_whole_talk_with_a_clicker(make_window: MakeWindow, lang: str) -> None:
    window = make_window(lang=lang)
    show = Slideshow(window)
    show.start()
    show.set_auto(False)
    seen = [window.current_id]
    for _ in range(show.count - 1):
        QTest.keyClick(window, Qt.Key.Key_PageDown)
        seen.append(window.current_id)
    assert show.index == show.count - 1
    QTest.keyClick(window, Qt.Key.Key_PageDown)  # past the end: the last slide stays
    assert show.index == show.count - 1
    assert seen == [slide.page for slide in show.slides]
    QTest.keyClick(window, Qt.Key.Key_PageUp)
    assert show.index == show.count - 2


def test_presenter_screen_choice() -> None:
    from kiosk.app.slideshow import choose_screens  # noqa: PLC0415

    class Screen:
        def __init__(self, name: str) -> None:
            self.label = name

    one, two, three = Screen("a"), Screen("b"), Screen("c")
    assert choose_screens([one], None) == (one, None)  # type: ignore[list-item]
    assert choose_screens([one, two], None) == (one, two)  # type: ignore[list-item]
    assert choose_screens([one, two, three], 0) == (two, one)  # type: ignore[list-item]
