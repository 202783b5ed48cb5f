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
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from touch import press, release

from kiosk.app.pdf import export_pdf
from kiosk.app.slideshow import Presentation
from kiosk.content import LoadedContent, load_content
from kiosk.content.pages import slide_list
from kiosk.presenter.view import clock_text
from kiosk.ui.main_window import MainWindow
from kiosk.ui.session import Session
from kiosk.ui.widgets.buttons import TouchButton

MakeWindow = Callable[..., MainWindow]


def press_key(
    window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key as the window system delivers it: to the window, then to the focused widget."""
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, key, modifier)


@pytest.fixture
def talk(qtbot: QtBot, bundled: LoadedContent) -> Iterator[Presentation]:
    now = [100.0]
    session = Session(bundled, None, "zh", size=(1280, 720), motion_scale=0.1)
    # 20 s slides last 200 ms here
    presentation = Presentation(session, time_scale=0.01, clock=lambda: now[0], auto=True)
    presentation.clock = now  # type: ignore[attr-defined]
    presentation.audience.show()
    qtbot.waitExposed(presentation.audience)
    presentation.show.start()
    # The slides' pages are built ahead once the first is on screen: done before a test times
    # a 200 ms slide (on a busy machine building them takes a good part of one).
    slide_pages = {slide.page for slide in presentation.show.slides}
    qtbot.waitUntil(lambda: slide_pages <= presentation.audience.pages.keys(), timeout=20_000)
    presentation.show.start_over()  # from the first slide, the clock at zero
    yield presentation
    presentation.show.set_auto(False)
    presentation.close()
    presentation.presenter.deleteLater()
    presentation.audience.deleteLater()


def test_the_playlist_comes_from_the_content(bundled: LoadedContent, talk: Presentation) -> None:
    playlist = bundled.content.slideshow
    assert playlist is not None
    assert [s.page for s in talk.show.slides] == [s.page for s in playlist.slides]
    assert talk.audience.session.current_id == "home"
    assert talk.audience.nav is not None
    assert not talk.audience.nav.isVisible()


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
        (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier, 16),
    ],
)
def test_forward_keys(talk: Presentation, key: Qt.Key, modifier: Qt.KeyboardModifier, expected: int) -> None:
    talk.show.set_auto(False)
    press_key(talk.audience, key, modifier)
    assert talk.show.index == expected


@pytest.mark.parametrize(
    "key", [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P]
)
def test_back_keys(talk: Presentation, key: Qt.Key) -> None:
    talk.show.set_auto(False)
    talk.show.go(5)
    press_key(talk.audience, key)
    assert talk.show.index == 4


def test_a_number_then_enter_jumps_and_home_returns(talk: Presentation) -> None:
    talk.show.set_auto(False)
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Return):
        press_key(talk.audience, key)
    assert talk.show.index == 11
    assert talk.audience.session.current_id == "tour/daxing"
    assert talk.audience.current_page is not None
    assert talk.audience.current_page.step_index() == 2  # the playlist's stop
    press_key(talk.audience, Qt.Key.Key_Home)
    assert talk.show.index == 0


def test_clicker_keys(talk: Presentation) -> None:
    talk.show.set_auto(False)
    talk.show.go(3)
    press_key(talk.audience, Qt.Key.Key_B)
    press_key(talk.audience, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # resume here
    assert talk.show.index == 3
    assert not talk.blank.isVisible()
    talk.clock[0] += 30  # type: ignore[attr-defined]
    assert talk.show.clock.elapsed() == 30
    press_key(talk.audience, Qt.Key.Key_F5)  # from the start, the talk's clock at zero
    assert talk.show.index == 0
    assert talk.show.clock.elapsed() == 0
    assert not talk.show.clock.started  # it starts again with the next slide


def test_auto_advance_is_off_unless_asked(qtbot: QtBot, bundled: LoadedContent) -> None:
    talk = Presentation(Session(bundled, None, "en", size=(1280, 720)), time_scale=0.01)
    talk.show.start()
    assert not talk.show.auto
    assert talk.show.remaining_ms() == -1
    talk.close()


def test_the_content_can_ask_for_auto_advance(qtbot: QtBot, bundled: LoadedContent) -> None:
    assert bundled.content.slideshow is not None
    show = dataclasses.replace(bundled.content.slideshow, auto_advance=True)
    asking = dataclasses.replace(bundled, content=dataclasses.replace(bundled.content, slideshow=show))
    talk = Presentation(Session(asking, None, "en", size=(1280, 720)), time_scale=0.01)
    talk.show.start()
    assert talk.show.auto
    assert talk.show.remaining_ms() > 0  # the presenter sees the countdown to the next slide
    assert "auto-advance in" in talk.presenter.status.text()
    talk.close()


def test_escape_asks_before_it_ends(qtbot: QtBot, talk: Presentation) -> None:
    ended: list[bool] = []
    talk.show.ended.connect(lambda: ended.append(True))
    press_key(talk.audience, Qt.Key.Key_Escape)
    assert not ended
    assert "Esc" in talk.presenter.status.text()  # the presenter sees what a second Esc does
    press_key(talk.audience, Qt.Key.Key_Right)  # anything else in between: the show goes on
    press_key(talk.audience, Qt.Key.Key_Escape)
    assert not ended
    with qtbot.waitSignal(talk.show.ended, timeout=1000):
        press_key(talk.audience, Qt.Key.Key_Escape)


def test_typed_slide_numbers_show_and_expire(qtbot: QtBot, talk: Presentation) -> None:
    talk.show.set_auto(False)
    press_key(talk.audience, Qt.Key.Key_1)
    press_key(talk.audience, Qt.Key.Key_2)
    assert talk.show.typed == "12"
    assert "12" in talk.presenter.status.text()
    qtbot.waitUntil(lambda: talk.show.typed == "", timeout=5000)  # forgotten after 3 s
    press_key(talk.audience, Qt.Key.Key_Return)
    assert talk.show.index == 1  # a plain Enter: the next slide, not slide 12


def test_the_talks_clock_starts_with_the_first_move_and_pauses(talk: Presentation) -> None:
    talk.show.set_auto(False)
    now = talk.clock  # type: ignore[attr-defined]
    now[0] += 50
    assert talk.show.clock.elapsed() == 0  # standing on the title slide is not the talk
    press_key(talk.audience, Qt.Key.Key_Right)
    now[0] += 10
    press_key(talk.audience, Qt.Key.Key_T)  # pause
    now[0] += 100
    assert talk.show.clock.elapsed() == 10
    press_key(talk.audience, Qt.Key.Key_T)  # resume
    now[0] += 5
    assert talk.show.clock.elapsed() == 15
    press_key(talk.audience, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)  # reset
    assert talk.show.clock.elapsed() == 0


def test_black_and_white_screens_toggle_and_next_first_unblanks(qtbot: QtBot, talk: Presentation) -> None:
    press_key(talk.audience, Qt.Key.Key_B)
    assert talk.blank.isVisible()
    assert talk.blank.colour.name() == "#000000"
    assert talk.show.remaining_ms() == -1  # auto-advance waits while blank
    index = talk.show.index
    press_key(talk.audience, Qt.Key.Key_Right)  # any key returns, and does nothing else
    assert not talk.blank.isVisible()
    assert talk.show.index == index
    press_key(talk.audience, Qt.Key.Key_Period)
    assert talk.blank.isVisible()
    press_key(talk.audience, Qt.Key.Key_Period)  # the same key again: the slide is back
    assert not talk.blank.isVisible()
    press_key(talk.audience, Qt.Key.Key_B)
    press_key(talk.audience, Qt.Key.Key_X)  # any other key returns too
    assert not talk.blank.isVisible()
    press_key(talk.audience, Qt.Key.Key_W)
    assert talk.blank.colour.name() == "#ffffff"
    press_key(talk.audience, Qt.Key.Key_W)
    assert not talk.blank.isVisible()


def test_auto_advance_honours_per_slide_durations(qtbot: QtBot, talk: Presentation) -> None:
    assert talk.show.current.duration_s == 25  # the playlist's own time for the first slide
    # The presenter's previews are drawn in the turn after a slide changes: once they are
    # (and kept), the slide shown again times from now.
    qtbot.waitUntil(lambda: not talk.presenter.previews_pending())
    talk.show.go(0)
    assert 200 < talk.show.remaining_ms() <= 250
    with qtbot.waitSignal(talk.show.slide_changed, timeout=2000):
        pass
    assert talk.show.index == 1
    assert 150 < talk.show.remaining_ms() <= 200  # the default 20 s for this one


def test_auto_advance_resumes_its_rhythm_after_a_manual_step(qtbot: QtBot, talk: Presentation) -> None:
    # The presenter's pictures of slides 0-2 drawn and kept first: on a busy machine drawing
    # them takes a good part of a 200 ms slide, which is not what this test measures.
    for index in (1, 0):
        talk.show.go(index)
        qtbot.waitUntil(lambda: not talk.presenter.previews_pending())
    press_key(talk.audience, Qt.Key.Key_Right)
    assert talk.show.index == 1
    assert talk.show.remaining_ms() > 150  # a full slide's time from here
    with qtbot.waitSignal(talk.show.slide_changed, timeout=2000):
        pass
    assert talk.show.index == 2
    press_key(talk.audience, Qt.Key.Key_A)
    assert not talk.show.auto
    assert talk.show.remaining_ms() == -1


def test_presenter_view_follows_and_drives(qtbot: QtBot, talk: Presentation) -> None:
    talk.show.set_auto(False)
    now = talk.clock  # type: ignore[attr-defined]
    view = talk.presenter
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    press_key(view, Qt.Key.Key_Right)  # keys in the presenter's window drive the audience's
    assert talk.show.index == 1
    assert talk.audience.session.current_id == "vision/innovative"
    # Opened just now, the view had nothing drawn ahead: its pictures follow the audience's slide.
    qtbot.waitUntil(lambda: not view.previews_pending(), timeout=5000)
    assert view.current_preview.pixmap() is not None
    assert not view.current_preview.pixmap().isNull()
    assert (
        "CNY 478.5 billion" in view.notes.text()
        or "478.5" in view.notes.text()
        or "研发" in view.notes.text()
    )
    assert "2 / 17" in view.status.text() or "第2张／共17张" in view.status.text()
    now[0] += 125
    view.refresh_times()
    assert view.elapsed.text() == "0:02:05"
    assert "0:03:55" in view.time_left.text()  # the content plans 6 minutes
    # A tap on the clock does not reset it; a long press does.
    at = press(view.elapsed, QPoint(5, 5))
    release(view.elapsed, at)
    assert view.elapsed.text() == "0:02:05"
    press(view.elapsed, QPoint(5, 5))
    qtbot.waitUntil(lambda: view.elapsed.text() == "0:00:00", timeout=3000)


def test_clock_text() -> None:
    assert clock_text(3725) == "1:02:05"
    # Each language's own digits, as CLDR gives them: Persian writes its own, Arabic keeps 0-9.
    assert clock_text(3725, "fa") == "۱:۰۲:۰۵"
    assert clock_text(3725, "ar") == "1:02:05"


def test_pdf_handout_has_a_page_per_slide(tmp_path: Path, bundled: LoadedContent) -> None:
    target = tmp_path / "handout.pdf"
    assert export_pdf(target, "en", True, None) == 0
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    assert len(pages) == len(slide_list(bundled.content))
    assert b"/FontFile" in data or b"/FontFile2" in data  # text as text, with its font embedded


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_whole_talk_with_a_clicker(qtbot: QtBot, bundled: LoadedContent, lang: str) -> None:
    talk = Presentation(Session(bundled, None, lang, size=(1280, 720), motion_scale=0.1))
    qtbot.addWidget(talk.audience)
    talk.audience.show()
    qtbot.waitExposed(talk.audience)
    show, window = talk.show, talk.audience
    show.start()
    show.set_auto(False)
    # A slide that names no step of its page shows each of the page's steps in turn: on this
    # small screen home has two (its visions and ways in, then the initiative and its calls).
    expected: list[str] = []
    for slide in show.slides:
        expected += [slide.page] * (window.session.step_count(slide.page) if slide.step is None else 1)
    assert expected.count("home") == 2
    seen = [window.session.current_id]
    for _ in range(len(expected) - 1):
        press_key(window, Qt.Key.Key_PageDown)
        seen.append(window.session.current_id)
    assert show.index == show.count - 1
    press_key(window, Qt.Key.Key_PageDown)  # past the end: the last slide stays
    assert show.index == show.count - 1
    assert seen == expected
    press_key(window, Qt.Key.Key_PageUp)
    assert show.index == show.count - 2
    talk.close()


def test_presenter_screen_choice() -> None:
    from kiosk.app.slideshow import choose_screens  # noqa: PLC0415

    class Screen:
        def __init__(self, name: str) -> None:
            self.label = name

    laptop, projector, wall = Screen("laptop"), Screen("projector"), Screen("wall")
    # One screen: slides only, no presenter view over them.
    assert choose_screens([laptop], laptop, None) == (laptop, None)  # type: ignore[list-item,arg-type]
    # A laptop (primary) and a projector: the notes stay on the laptop, whatever the order.
    assert choose_screens([laptop, projector], laptop, None) == (projector, laptop)  # type: ignore[list-item,arg-type]
    assert choose_screens([projector, laptop], laptop, None) == (projector, laptop)  # type: ignore[list-item,arg-type]
    # Asked for: the presenter view on screen 2, the slides on the first other one.
    assert choose_screens([laptop, projector, wall], laptop, 2) == (laptop, wall)  # type: ignore[list-item,arg-type]


def test_the_overview_shows_every_slide_and_takes_one_by_keys_or_tap(
    qtbot: QtBot, talk: Presentation
) -> None:
    talk.show.set_auto(False)
    view, overview = talk.presenter, talk.overview
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    press_key(view, Qt.Key.Key_G)
    # Over the presenter's own window: the room keeps the current slide.
    assert overview.isVisible()
    assert overview.parentWidget() is view
    assert talk.audience.session.current_id == "home"
    assert overview.selected == 0
    qtbot.waitUntil(lambda: not overview.pictures_pending(), timeout=10_000)
    tiles = [overview.tile_rect(index) for index in range(talk.show.count)]
    assert all(tile is not None and view.rect().contains(tile) for tile in tiles), "every slide on screen"
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down):
        press_key(view, key)
    expected = 2 + overview.columns
    assert overview.selected == expected
    assert talk.show.index == 0
    press_key(view, Qt.Key.Key_Return)
    assert not overview.isVisible()
    assert talk.show.index == expected
    assert talk.audience.session.current_id == talk.show.slides[expected].page
    # Esc closes it where it was; a tap on a slide takes that slide.
    press_key(view, Qt.Key.Key_O)
    press_key(view, Qt.Key.Key_Escape)
    assert not overview.isVisible()
    assert talk.show.index == expected
    press_key(view, Qt.Key.Key_G)
    tile = overview.tile_rect(1)
    assert tile is not None
    at = press(overview, tile.center())
    release(overview, at)
    assert not overview.isVisible()
    assert talk.show.index == 1


def test_with_one_screen_the_overview_opens_over_the_slides(qtbot: QtBot, talk: Presentation) -> None:
    talk.show.set_auto(False)
    talk.show.toggle_blank("black")
    press_key(talk.audience, Qt.Key.Key_G)
    assert talk.overview.isVisible()
    assert talk.overview.parentWidget() is talk.audience
    press_key(talk.audience, Qt.Key.Key_End)
    press_key(talk.audience, Qt.Key.Key_Space)
    assert talk.show.index == talk.show.count - 1
    assert talk.show.blanked == ""  # a slide taken from the overview is shown


def test_the_presenter_has_buttons_for_the_overview_and_the_screens(qtbot: QtBot, talk: Presentation) -> None:
    view = talk.presenter
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(talk.show.rehearsal_toggled, timeout=1000):
        qtbot.mouseClick(view.swap_button, Qt.MouseButton.LeftButton)
    assert view.swap_button.text() == "交换屏幕"
    view.set_rehearsing(True)  # one screen: the same button leaves the rehearsal view
    assert view.swap_button.text() == "回到幻灯片"
    overview_button = next(b for b in view.findChildren(TouchButton) if b.text() == "全部幻灯片")
    qtbot.mouseClick(overview_button, Qt.MouseButton.LeftButton)
    assert talk.overview.isVisible()
    buttons = [b for b in view.findChildren(TouchButton) if b.isVisible()]
    assert all(
        view.rect().contains(b.geometry().translated(b.parentWidget().mapTo(view, QPoint(0, 0))))
        for b in buttons
    )


@pytest.mark.parametrize(("lang", "size"), [("de", (1366, 768)), ("en", (1366, 768)), ("en", (3840, 2160))])
def test_the_presenter_view_is_laid_out_for_its_own_screen(
    qtbot: QtBot, lang: str, size: tuple[int, int]
) -> None:
    """German words and a laptop's 1366x768: every control inside the screen, none cut; on a
    4K screen the text grows with it."""
    other_park = load_content(Path(__file__).parent.parent / "other_park" / "content.json")
    talk = Presentation(Session(other_park, None, lang, size=(1920, 1080)))
    view = talk.presenter
    view.fit_screen(*size)
    assert view.minimumSizeHint().width() <= size[0]
    assert view.minimumSizeHint().height() <= size[1]
    view.setGeometry(0, 0, *size)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(view.swap_button.isVisible)
    buttons = [b for b in view.findChildren(TouchButton) if b.isVisible()]
    assert len(buttons) == 10
    for button in buttons:
        box = button.rect().translated(button.mapTo(view, QPoint(0, 0)))
        assert view.rect().contains(box), f"{button.text()} at {box} outside {view.rect()}"
    assert view.status.font().pixelSize() == view.theme.font_px("body")
    talk.close()


def test_no_kiosk_control_shows_on_a_slide(qtbot: QtBot, talk: Presentation) -> None:
    """The visitor's own buttons (a tour's auto-play; accessibility is in the navigation bar,
    which slides do not have) are never on a projected slide: the presenter sets the pace."""
    seen = set()
    for index, slide in enumerate(talk.show.slides):
        talk.show.go(index)
        page = talk.audience.current_page
        assert page is not None
        controls = page.kiosk_controls()
        seen.update(type(page).__name__ for _ in controls)
        assert not [c for c in controls if c.isVisible()], slide.page
    assert {"TourPage"} <= seen
