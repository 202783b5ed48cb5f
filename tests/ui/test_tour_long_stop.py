"""A curator's long stop: the second park's third stop (a long German text, a quote and its
attribution) does not fit its panel whole, so it goes on in a second part. The panel keeps one
height from stop to stop, shows each part without scrolling, turns by a tap on its button, and
the tour's own navigation starts each stop at its first part. The bundled tours fit whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from touch import tap
from visible import visible_texts

from kiosk.content import LoadedContent, load_content
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.tour import TourPage

MakeWindow = Callable[..., MainWindow]
OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"


@pytest.fixture(scope="module")
def other_park() -> LoadedContent:
    return load_content(OTHER_PARK)


def _tour(window: MainWindow, tour_id: str) -> TourPage:
    window.session.go_to(f"tour/{tour_id}", direction=0)
    page = window.current_page
    assert isinstance(page, TourPage)
    return page


def _scrolls(page: TourPage) -> int:
    return page.panel_scroll.verticalScrollBar().maximum()


def test_a_long_stop_turns_to_its_quote_in_one_panel_height(
    qtbot: QtBot, make_window: MakeWindow, other_park: LoadedContent
) -> None:
    window = make_window((1920, 1080), "de", other_park)
    assert window.nav is not None
    page = _tour(window, "rundgang")
    stop = other_park.content.tours[0].stops[2]
    voice = other_park.content.voice(stop.voice or "")
    heights = set()
    for index in range(3):
        page.set_step(index)
        qtbot.waitUntil(lambda page=page: page.stops.current_view().isVisible())
        heights.add(page.panel.height())
        assert _scrolls(page) == 0
    assert len(heights) == 1, f"the panel changes height from stop to stop: {heights}"

    assert page.step_index() == 2
    assert page.more_button.isVisible()
    assert page.more_button.text() == "Weiterlesen"
    shown = visible_texts(page.panel)
    assert stop.text["de"] in shown  # the whole text
    assert voice.name["de"] not in shown

    tap(page.more_button)
    qtbot.waitUntil(lambda: voice.name["de"] in visible_texts(page.panel))
    shown = visible_texts(page.panel)
    assert not any(text.startswith(stop.text["de"][:30]) for text in shown)
    assert page.more_button.text() == "Zum Text"
    assert page.part_dots.index == 1
    assert _scrolls(page) == 0
    assert heights == {page.panel.height()}

    # The tour's own navigation still goes from stop to stop, each from its first part.
    tap(window.nav.previous_button)
    qtbot.waitUntil(lambda: page.step_index() == 1)
    tap(window.nav.next_button)
    qtbot.waitUntil(lambda: page.step_index() == 2)
    assert stop.text["de"] in visible_texts(page.panel)
    assert page.stops.current_view().part == 0


def test_the_bundled_tours_show_every_stop_whole(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent
) -> None:
    for tour in bundled.content.tours:
        page = _tour(window, tour.id)
        for index in range(len(tour.stops)):
            page.set_step(index)
            assert not page.stops.current_view().split
            assert not page.stop_parts.isVisible()
