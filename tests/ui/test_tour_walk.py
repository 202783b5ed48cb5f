"""Walking a tour as a guided visit: the route draws itself, the map zooms and pans within
bounds, the tour plays itself until a visitor touches it, and any tour in the content works."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainterPath
from pytestqt.qtbot import QtBot
from touch import pinch, swipe, tap

from kiosk.content import load_content
from kiosk.system.resources import icon_path
from kiosk.ui.language import LanguageState
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.tour import TourPage
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.autoplay_button import AutoplayButton
from kiosk.ui.widgets.tour_diagram import MAX_SCALE

MakeWindow = Callable[..., MainWindow]


def _tour(window: MainWindow, tour_id: str = "daxing") -> TourPage:
    window.session.go_to(f"tour/{tour_id}", direction=0)
    page = window.current_page
    assert isinstance(page, TourPage)
    return page


class _Paints(QObject):
    """What a widget showed: `sample()` read at each of its paints."""

    def __init__(self, sample: Callable[[], float]) -> None:
        super().__init__()
        self.sample = sample
        self.seen: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append(self.sample())
        return False


def test_route_draws_to_the_next_stop(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window(motion_scale=1.0)  # the route's real time: frames in between, even on a busy machine
    page = _tour(window)
    painted = _Paints(lambda: page.diagram.route_progress)
    page.diagram.installEventFilter(painted)
    assert window.nav is not None
    tap(window.nav.next_button)
    qtbot.waitUntil(lambda: page.step_index() == 1)
    qtbot.waitUntil(lambda: bool(painted.seen) and painted.seen[-1] >= 1.0, timeout=5000)
    assert any(0.0 < value < 1.0 for value in painted.seen)  # it grew on screen, it did not jump


def test_pinch_zooms_and_pan_stays_in_bounds(qtbot: QtBot, window: MainWindow) -> None:
    diagram = _tour(window).diagram
    base = diagram.diagram_rect()
    centre = base.center().toPoint()
    pinch(diagram, centre, 120, 360)
    assert diagram.scale == pytest.approx(3.0, abs=0.05)
    assert diagram.reset_button.isVisible()
    # Drag far beyond the edge: the drawing still covers where it sat unzoomed.
    swipe(diagram, 3000, 2000, start=centre)
    view = diagram.view_rect()
    assert view.contains(base)
    assert view.left() == pytest.approx(base.left())
    assert view.top() == pytest.approx(base.top())
    swipe(diagram, -6000, -4000, start=centre)
    view = diagram.view_rect()
    assert view.right() == pytest.approx(base.right())
    assert view.bottom() == pytest.approx(base.bottom())
    # Pinching in again cannot shrink the map below its own size.
    pinch(diagram, centre, 400, 40)
    assert diagram.scale == 1.0
    assert diagram.view_rect() == base


def test_zoom_is_capped(qtbot: QtBot, window: MainWindow) -> None:
    diagram = _tour(window).diagram
    centre = diagram.diagram_rect().center().toPoint()
    pinch(diagram, centre, 50, 900)
    assert diagram.scale == MAX_SCALE


def test_double_tap_zooms_and_reset_button_restores(qtbot: QtBot, window: MainWindow) -> None:
    page = _tour(window)
    diagram = page.diagram
    corner = diagram.diagram_rect().topLeft().toPoint() + QPoint(30, 30)
    tap(diagram, corner)
    tap(diagram, corner)
    assert diagram.scale == 2.0
    assert page.step_index() == 0  # a double tap is not a stop tap
    tap(diagram.reset_button)
    assert diagram.scale == 1.0
    assert not diagram.reset_button.isVisible()


def test_hotspots_follow_the_zoom(qtbot: QtBot, window: MainWindow) -> None:
    page = _tour(window)
    diagram = page.diagram
    diagram.zoom_at(diagram.hotspot_centre(1), 2.5)
    tap(diagram, diagram.hotspot_centre(1).toPoint())
    qtbot.waitUntil(lambda: page.step_index() == 1)


def test_swipes_on_a_zoomed_map_pan_instead_of_turning(qtbot: QtBot, window: MainWindow) -> None:
    page = _tour(window)
    diagram = page.diagram
    diagram.zoom_at(diagram.diagram_rect().center(), 2.0)
    before = diagram.view_rect()
    swipe(diagram, -300, start=diagram.diagram_rect().center().toPoint())
    assert page.step_index() == 0
    assert diagram.view_rect().left() < before.left()


def test_autoplay_advances_and_stops_on_touch(qtbot: QtBot, window: MainWindow) -> None:
    page = _tour(window, "yizhuang")
    tap(page.play_button)
    assert page.autoplaying
    assert page.play_button.text() == "暂停"
    qtbot.waitUntil(lambda: page.step_index() == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.step_index() == 2, timeout=5000)
    qtbot.waitUntil(lambda: page.step_index() == 0, timeout=5000)  # round again
    tap(page.stop_title)  # the first touch anywhere hands control back
    assert not page.autoplaying
    assert page.play_button.text() == "自动播放"
    index = page.step_index()
    qtbot.wait(round(page.autoplay_timer.interval() * 1.5))  # longer than a step: nothing moves
    assert page.step_index() == index


def test_autoplay_time_follows_the_stops_length(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(motion_scale=1.0)
    short = _tour(window, "yizhuang")
    short.set_step(1)  # one sentence
    short.start_autoplay()
    short_ms = short.autoplay_timer.interval()
    short.stop_autoplay()
    long = _tour(window, "daxing")
    long.set_step(2)  # a paragraph and a figure
    long.start_autoplay()
    long_ms = long.autoplay_timer.interval()
    long.stop_autoplay()
    assert short_ms == round(short.tour.autoplay_s * 1000)  # never shorter than the content says
    assert long_ms > 1.5 * short_ms
    assert long_ms <= 60_000
    # The same stop in another language takes that language's reading time.
    window.session.language.set("en")
    long.start_autoplay()
    assert long.autoplay_timer.interval() != long_ms
    long.stop_autoplay()


def _ring_pixels(page: TourPage) -> int:
    """How many pixels of the auto-play control show the tour's colour (its filling outline)."""
    image = page.play_button.grab().toImage()
    colour = QColor(page.accent())
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if max(
            abs(image.pixelColor(x, y).red() - colour.red()),
            abs(image.pixelColor(x, y).green() - colour.green()),
            abs(image.pixelColor(x, y).blue() - colour.blue()),
        )
        < 40
    )


def test_autoplay_shows_the_stops_time_running(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(motion_scale=0.5)
    page = _tour(window, "yizhuang")
    page.set_step(1)  # its shortest stop: the tour's own 10 s, here 5 s
    assert page.play_button.progress is None
    assert _ring_pixels(page) == 0  # standing still: no progress shown
    seen = _Paints(lambda: page.play_button.progress or 0.0)
    page.play_button.installEventFilter(seen)
    tap(page.play_button)
    qtbot.waitUntil(lambda: (page.play_button.progress or 0.0) > 0.2, timeout=10_000)
    early = _ring_pixels(page)
    qtbot.waitUntil(lambda: (page.play_button.progress or 0.0) > 0.6, timeout=10_000)
    assert _ring_pixels(page) > early > 0  # the outline fills as the time runs
    assert len(set(seen.seen)) > 10  # smoothly
    qtbot.waitUntil(lambda: page.step_index() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: page.play_button.progress is not None and page.play_button.progress < 0.3)
    tap(page.stop_title)
    assert page.play_button.progress is None


def test_autoplay_progress_steps_by_the_second_with_reduced_motion(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(reduced_motion=True, motion_scale=0.4)
    page = _tour(window, "yizhuang")
    page.set_step(1)
    seen = _Paints(lambda: page.play_button.progress or 0.0)
    page.play_button.installEventFilter(seen)
    page.start_autoplay()
    interval = page.autoplay_timer.interval()
    qtbot.waitUntil(lambda: page.step_index() == 2, timeout=interval + 5000)
    page.stop_autoplay()
    shown = {round(value, 3) for value in seen.seen}
    assert 0 < len(shown) <= interval / 1000 + 3  # a step a second, no sweep
    assert max(shown) > 0


def test_autoplay_stops_when_the_page_is_left(qtbot: QtBot, window: MainWindow) -> None:
    page = _tour(window)
    page.start_autoplay()
    window.session.go_home()
    assert not page.autoplaying


@pytest.mark.parametrize("size", [(1280, 800), (3840, 2160), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_hotspots_stay_on_their_spots(make_window: MakeWindow, size: tuple[int, int]) -> None:
    window = make_window(size=size)
    for tour_id in ("daxing", "yizhuang"):
        page = _tour(window, tour_id)
        rect = page.diagram.diagram_rect()
        assert rect.width() / rect.height() == pytest.approx(1.6, abs=0.01)
        for index, stop in enumerate(page.tour.stops):
            centre = page.diagram.hotspot_centre(index)
            assert (centre.x() - rect.left()) / rect.width() == pytest.approx(stop.hotspot.x, abs=1e-6)
            assert (centre.y() - rect.top()) / rect.height() == pytest.approx(stop.hotspot.y, abs=1e-6)
            assert page.diagram.hotspot_radius() * 2 >= 64 * window.theme.scale - 1


def test_a_third_tour_needs_no_code(
    qtbot: QtBot, make_window: MakeWindow, write_content: Callable[..., Path], content_dict: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(content_dict))
    third = json.loads(json.dumps(data["tours"][1]))
    third["id"] = "third-park"
    third["title"] = {"zh": "第三园区", "en": "A third park"}
    third.pop("short_title", None)
    third["stops"] = [third["stops"][0], {**third["stops"][1], "hotspot": {"x": 0.9, "y": 0.1}}]
    data["tours"].append(third)
    window = make_window(loaded=load_content(write_content(data)))
    assert "tour/third-park" in [ref.id for ref in window.session.refs]
    home = window.current_page
    card = next(c for c in home.entry_cards if c.objectName() == "entry-tour-third-park")  # type: ignore[union-attr]
    tap(card)
    qtbot.waitUntil(lambda: window.session.current_id == "tour/third-park")
    page = window.current_page
    assert isinstance(page, TourPage)
    tap(page.diagram, page.diagram.hotspot_centre(1).toPoint())
    qtbot.waitUntil(lambda: page.step_index() == 1)
    assert page.diagram.hotspot_centre(1).x() > page.diagram.diagram_rect().center().x()
    assert QPointF(page.diagram.hotspot_centre(1)) != QPointF(0, 0)


def _distance_to_path(path: QPainterPath, point: QPointF, samples: int = 4000) -> float:
    return min(
        math.dist((point.x(), point.y()), (at.x(), at.y()))
        for at in (path.pointAtPercent(i / samples) for i in range(samples + 1))
    )


def _line(start: QPointF, end: QPointF) -> QPainterPath:
    line = QPainterPath(start)
    line.lineTo(end)
    return line


def _shows_colour(image: QImage, point: QPointF, colour: QColor, reach: int = 4) -> bool:
    """Whether a pixel within `reach` of `point` is `colour` (the road's markings lie over it)."""
    ratio = image.devicePixelRatio()
    x, y = round(point.x() * ratio), round(point.y() * ratio)
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            seen = image.pixelColor(x + dx, y + dy)
            if (
                max(
                    abs(seen.red() - colour.red()),
                    abs(seen.green() - colour.green()),
                    abs(seen.blue() - colour.blue()),
                )
                < 24
            ):
                return True
    return False


def test_route_follows_the_road_not_the_straight_line(qtbot: QtBot, window: MainWindow) -> None:
    page = _tour(window)
    diagram = page.diagram
    tour = page.tour
    page.set_step(len(tour.stops) - 1)
    qtbot.waitUntil(lambda: diagram.route_progress >= 1.0)
    path = diagram.route_path()
    image = diagram.grab().toImage()
    radius = diagram.hotspot_radius()
    colour = QColor(page.accent())
    winding = 0
    for index in range(1, len(tour.stops)):
        stop = tour.stops[index]
        assert len(stop.route) >= 3  # the bundled diagrams' roads are given point by point
        start, end = diagram.hotspot_centre(index - 1), diagram.hotspot_centre(index)
        for point in stop.route:
            waypoint = diagram.diagram_point(point.x, point.y)
            assert _distance_to_path(path, waypoint) < 2.0
            clear = (
                min(math.dist((waypoint.x(), waypoint.y()), (c.x(), c.y())) for c in (start, end))
                > radius * 1.5
            )
            if clear:  # off the sites' discs, which cover the route: the road is lit
                assert _shows_colour(image, waypoint, colour), (stop.id, point)
        road = [diagram.diagram_point(point.x, point.y) for point in stop.route]
        if _distance_to_path(_line(start, end), road[len(road) // 2]) > radius:
            # Where the road bends away, halfway along the straight line there is no route.
            winding += 1
            middle = (start + end) / 2
            assert _distance_to_path(path, middle) > radius
            assert not _shows_colour(image, middle, colour), stop.id
    assert winding >= 2  # Daxing's road dips to the sites between its stops


def test_autoplay_time_runs_the_way_the_reading_goes(qtbot: QtBot) -> None:
    """From the top's middle, a quarter of the time lights the outline on the reading side: the
    right in English, the left in Arabic."""
    lit_sides = {}
    for lang, direction in (("en", Qt.LayoutDirection.LeftToRight), ("ar", Qt.LayoutDirection.RightToLeft)):
        button = AutoplayButton(
            LanguageState((lang,), lang), Theme(), lambda _l: "Play", icon_path("play"), "#FF0000"
        )
        qtbot.addWidget(button)
        button.setLayoutDirection(direction)
        button.resize(240, 88)
        button.set_progress(0.25)
        image = button.grab().toImage()
        red = [
            x
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 80
        ]
        assert red, lang
        lit_sides[lang] = "right" if sum(red) / len(red) > image.width() / 2 else "left"
    assert lit_sides == {"en": "right", "ar": "left"}
