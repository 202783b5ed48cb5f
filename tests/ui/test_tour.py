"""A tour walked stop by stop: hotspots, buttons and the stop panel."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from touch import tap
from visible import visible_texts

from kiosk.content import LoadedContent
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.tour import TourPage
from kiosk.ui.preferences import Preferences


def _tour(window: MainWindow, tour_id: str) -> TourPage:
    window.session.go_to(f"tour/{tour_id}", direction=0)
    page = window.current_page
    assert isinstance(page, TourPage)
    return page


def test_hotspot_tap_opens_its_stop(qtbot: QtBot, window: MainWindow, bundled: LoadedContent) -> None:
    page = _tour(window, "daxing")
    tour = bundled.content.tours[0]
    for index in reversed(range(len(tour.stops))):
        centre = page.diagram.hotspot_centre(index).toPoint()
        tap(page.diagram, centre)
        qtbot.waitUntil(lambda index=index, page=page: page.step_index() == index)
        assert page.current_stop_title() == tour.stops[index].title["zh"]


def test_tap_off_the_hotspots_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    page = _tour(window, "daxing")
    page.set_step(2)
    corner = page.diagram.rect().bottomLeft() + QPoint(8, -8)
    assert page.diagram.hotspot_at(QPointF(corner)) is None
    tap(page.diagram, corner)
    assert page.step_index() == 2


def test_buttons_walk_all_stops_and_back(qtbot: QtBot, window: MainWindow, bundled: LoadedContent) -> None:
    assert window.nav is not None
    for tour in bundled.content.tours:
        page = _tour(window, tour.id)
        page.set_step(0)
        seen = [page.current_stop_title()]
        for index in range(1, len(tour.stops)):
            tap(window.nav.next_button)
            qtbot.waitUntil(lambda index=index, page=page: page.step_index() == index)
            seen.append(page.current_stop_title())
            assert window.nav.dots.index == index
        assert seen == [stop.title["zh"] for stop in tour.stops]
        assert not window.nav.next_button.isEnabled()
        for index in reversed(range(len(tour.stops) - 1)):
            tap(window.nav.previous_button)
            qtbot.waitUntil(lambda index=index, page=page: page.step_index() == index)


def test_stop_panel_shows_figure_and_quote(qtbot: QtBot, window: MainWindow, bundled: LoadedContent) -> None:
    page = _tour(window, "daxing")
    tour = bundled.content.tours[0]
    for index, stop in enumerate(tour.stops):
        page.set_step(index)
        texts = visible_texts(page)
        assert stop.text["zh"] in texts
        if stop.voice:
            assert bundled.content.voice(stop.voice).quote["zh"] in texts
        if stop.figure:
            assert bundled.content.figure(stop.figure).label["zh"] in texts


@pytest.mark.parametrize(
    ("size", "lang"),
    [((1920, 1080), "en"), ((1080, 1920), "zh"), ((1366, 768), "en"), ((1280, 800), "zh")],
    ids=lambda value: f"{value[0]}x{value[1]}" if isinstance(value, tuple) else value,
)
def test_stop_panel_keeps_one_size_and_shows_each_stop_whole(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    bundled: LoadedContent,
    size: tuple[int, int],
    lang: str,
) -> None:
    window = make_window(size=size, lang=lang)
    for tour in bundled.content.tours:
        page = _tour(window, tour.id)
        places = set()
        for index in range(len(tour.stops)):
            page.set_step(index)
            qtbot.waitUntil(lambda page=page: not page.panel_scroll.fit_pending)
            panel = page.panel.geometry().translated(page.panel.parentWidget().mapTo(window, QPoint(0, 0)))
            title = page.stop_title.mapTo(window, QPoint(0, 0))
            places.add((panel.getRect(), title.x(), title.y(), page.diagram.diagram_rect().getRect()))
            # Nothing of the stop is under the panel's edge or its "more below" fade.
            assert page.panel_scroll.verticalScrollBar().maximum() == 0, (tour.id, index)
            viewport = page.panel_scroll.viewport()
            bottom = viewport.mapTo(window, QPoint(0, viewport.height()))
            for widget in page.stops.current_view().findChildren(QWidget):
                if widget.isVisible():
                    assert widget.mapTo(window, QPoint(0, widget.height())).y() <= bottom.y(), (
                        tour.id,
                        index,
                    )
        assert len(places) == 1, (tour.id, places)  # panel, title and map stay put from stop to stop


def test_with_the_largest_text_a_short_stop_does_not_scroll_into_blank_space(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(size=(1280, 800), lang="en")
    window.session.set_preferences(Preferences(text_scale=1.5))
    page = _tour(window, "yizhuang")
    page.set_step(2)  # a paragraph and a quote: more than the panel shows at this size
    qtbot.waitUntil(lambda: page.panel_scroll.verticalScrollBar().maximum() > 0)
    height = page.panel.height()
    page.set_step(1)  # one sentence
    qtbot.waitUntil(lambda: not page.panel_scroll.fit_pending)
    assert page.panel_scroll.verticalScrollBar().maximum() == 0
    assert not page.panel_scroll.has_more_below()
    assert page.panel.height() == height  # the panel itself keeps its size
