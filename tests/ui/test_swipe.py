"""Swipes move between sibling pages and stops; a swipe never also counts as a tap."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from touch import swipe

from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.tour import TourPage
from kiosk.ui.pages.voices import VoicesPage
from kiosk.ui.preferences import Preferences


def test_swipe_left_and_right_between_visions(qtbot: QtBot, window: MainWindow) -> None:
    window.session.go_to("vision/green", direction=0)
    page = window.current_page
    assert page is not None
    swipe(page, -300)
    qtbot.waitUntil(lambda: window.session.current_id == "vision/smart")
    swipe(window.current_page, 300)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.session.current_id == "vision/green")


def test_short_or_vertical_drags_are_not_swipes(qtbot: QtBot, window: MainWindow) -> None:
    window.session.go_to("vision/green", direction=0)
    page = window.current_page
    assert page is not None
    swipe(page, -20)
    swipe(page, -60, 200)
    qtbot.wait(50)  # let any (wrong) page change show itself
    assert window.session.current_id == "vision/green"


def test_swipe_starting_on_a_tile_does_not_press_it(qtbot: QtBot, window: MainWindow) -> None:
    home = window.current_page
    assert isinstance(home, HomePage)
    tile = home.vision_tiles[2]
    swipe(tile, -tile.width() // 3)  # ends on the same tile: a tap if it were not a swipe
    qtbot.wait(50)
    assert window.session.current_id == "home"
    assert not tile.isDown()


def test_swipe_walks_tour_stops(qtbot: QtBot, window: MainWindow) -> None:
    window.session.go_to("tour/daxing", direction=0)
    page = window.current_page
    assert isinstance(page, TourPage)
    for expected in range(1, page.step_count()):
        swipe(page.diagram, -300)
        qtbot.waitUntil(lambda expected=expected: page.step_index() == expected)
    swipe(page.diagram, -300)  # past the last stop: stays
    assert page.step_index() == page.step_count() - 1
    swipe(page.diagram, 300)
    qtbot.waitUntil(lambda: page.step_index() == page.step_count() - 2)


def test_swipe_walks_voices(qtbot: QtBot, window: MainWindow) -> None:
    window.session.go_to("voices", direction=0)
    page = window.current_page
    assert isinstance(page, VoicesPage)
    first = page.current_quote().quote.text()
    swipe(page.current_quote(), -300)
    qtbot.waitUntil(lambda: page.step_index() == 1)
    assert page.current_quote().quote.text() != first
    assert window.nav is not None
    assert window.nav.dots.index == 1


def test_long_pages_scroll_by_dragging_with_momentum(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(size=(1280, 800))
    # The largest text makes some pages taller than this screen (home takes steps instead:
    # the first page that is longer is dragged).
    window.session.set_preferences(Preferences(text_scale=1.5))
    page = None
    for ref in window.session.refs:
        if ref.type == "home":
            continue
        window.session.go_to(ref.id, direction=0, remember=False)
        candidate = window.current_page
        assert candidate is not None
        qtbot.waitUntil(lambda c=candidate: not c.scroll_area.fit_pending)
        if candidate.scroll_area.verticalScrollBar().maximum() > 0:
            page = candidate
            break
    if page is None:
        pytest.skip("no page is longer than a 1280x800 screen at x1.5")
    bar = page.scroll_area.verticalScrollBar()
    swipe(page, 0, -300, steps=12, start=page.rect().center())
    qtbot.waitUntil(lambda: bar.value() > 0)  # kinetic: it moves on after the finger lifts
    assert window.session.current_id == page.page_id  # a vertical drag is not a tap on what it started over
    assert page.scroll_area.has_more_below() or bar.value() == bar.maximum()
