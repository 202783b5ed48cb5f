"""Colour means the vision: what a visitor sees drawn in a vision's colour belongs to that
vision, on the figures, tour and voices pages alike; what the report ties to none is drawn in
the text's own white, which no vision uses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from visible import settled

from kiosk.content import LoadedContent
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.tour import TourPage
from kiosk.ui.pages.voices import VoicesPage
from kiosk.ui.vision_colours import neutral

MakeWindow = Callable[..., MainWindow]
NEAR = 28  # a colour's own pixels, not the blends at a glyph's edge


def _pixels_near(widget: QWidget, colour: str) -> int:
    """How many of the widget's drawn pixels are `colour` (within NEAR on each channel)."""
    image = widget.grab().toImage()
    want = QColor(colour)
    count = 0
    step = 2  # every other pixel each way: big numbers and quote marks are many pixels wide
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - want.red()) < NEAR
                and abs(pixel.green() - want.green()) < NEAR
                and abs(pixel.blue() - want.blue()) < NEAR
            ):
                count += 1
    return count


def _vision_colours(bundled: LoadedContent) -> dict[str, str]:
    return {vision.id: vision.color for vision in bundled.content.visions}


def _only_colour(widget: QWidget, colour: str, others: dict[str, str]) -> None:
    """`widget` is drawn in `colour` and in no other vision's (beyond a few blended edge pixels)."""
    own = _pixels_near(widget, colour)
    assert own > 20
    for vision, other in others.items():
        if other != colour:
            assert _pixels_near(widget, other) < own / 20, f"{widget} shows {vision}'s colour"


def _figures(qtbot: QtBot, window: MainWindow, group_id: str) -> FiguresPage:
    window.session.go_to(f"figures/{group_id}", direction=0)
    page = window.current_page
    assert isinstance(page, FiguresPage)
    qtbot.waitUntil(lambda: settled(page))
    return page


@pytest.mark.parametrize(
    ("group_id", "vision"),
    [
        ("hydrogen", "green"),
        ("global-reach", "open"),
        ("patents", "innovative"),
        ("innovation", "innovative"),
    ],
)
def test_a_group_of_figures_is_drawn_in_its_visions_colour(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent, group_id: str, vision: str
) -> None:
    """Hydrogen in Daxing is Green, as on the Green vision and the Daxing tour; the Open
    vision's headline figures are Open's; patents and R&D are Innovative's."""
    colours = _vision_colours(bundled)
    page = _figures(qtbot, window, group_id)
    drawn = [card.number for card in page.figure_cards] or [page.chart]
    for widget in drawn:
        assert widget is not None
        _only_colour(widget, colours[vision], colours)
    qtbot.waitUntil(lambda: _pixels_near(window.nav.dots, colours[vision]) > 0)  # where it is


def test_figures_no_vision_claims_are_drawn_in_no_visions_colour(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent
) -> None:
    """The companies in Zhongguancun belong to no one vision: drawn in the neutral white,
    never a borrowed colour, and never the captions' grey (which reads as switched off)."""
    colours = _vision_colours(bundled)
    page = _figures(qtbot, window, "companies")
    assert page.chart is not None
    ink = _pixels_near(page.chart, neutral(window.theme))
    assert neutral(window.theme) == window.theme.palette.text
    assert ink > 20
    assert _pixels_near(page.chart, window.theme.palette.text_secondary) < ink / 20
    for colour in colours.values():
        assert _pixels_near(page.chart, colour) < ink / 20


def test_a_figure_keeps_its_own_visions_colour_in_a_group_of_another(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent
) -> None:
    """The platforms mix two visions' figures, so the group is neutral; but the innovation
    consortia and benchmark platforms are on the Smart vision's page and the proof-of-concept
    platforms on the Innovative one's: each bar keeps that colour here too."""
    colours = _vision_colours(bundled)
    page = _figures(qtbot, window, "platforms")
    assert page.accent() == neutral(window.theme)
    assert page.chart is not None
    drawn = dict(zip((f.id for f in page.chart.figures), page.chart.colours, strict=True))
    assert drawn["innovation-consortia"] == drawn["benchmark-platforms"] == colours["smart"]
    assert drawn["poc-platforms"] == colours["innovative"]
    assert drawn["specialist-parks"] == neutral(window.theme)
    assert _pixels_near(page.chart, colours["smart"]) > 20
    assert _pixels_near(page.chart, colours["innovative"]) > 20


@pytest.mark.parametrize(("tour_id", "vision"), [("daxing", "green"), ("yizhuang", "smart")])
def test_a_tour_is_drawn_in_its_visions_colour(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent, tour_id: str, vision: str
) -> None:
    colours = _vision_colours(bundled)
    window.session.go_to(f"tour/{tour_id}", direction=0)
    page = window.current_page
    assert isinstance(page, TourPage)
    qtbot.waitUntil(lambda: settled(page))
    _only_colour(page.diagram, colours[vision], colours)
    qtbot.waitUntil(lambda: _pixels_near(window.nav.dots, colours[vision]) > 0)  # where it is


def test_each_speaker_keeps_the_colour_of_their_vision(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent
) -> None:
    """Quote after quote, the colour changes only with the vision: Larsson and the Haipote
    representative speak of hydrogen (Green), Jawad of the robot park (Smart); speakers the
    report ties to no vision stay grey."""
    colours = _vision_colours(bundled)
    grey = neutral(window.theme)
    window.session.go_to("voices", direction=0)
    page = window.current_page
    assert isinstance(page, VoicesPage)
    expected = {"larsson": "green", "haipote": "green", "jawad": "smart", "tom-bentley": None}
    for index, voice in enumerate(bundled.content.voices):
        window.session.set_step(index)
        qtbot.waitUntil(lambda i=index: page.step_index() == i and page.current_quote().isVisible())
        colour = colours[voice.vision] if voice.vision else grey
        if voice.id in expected:
            wanted = expected[voice.id]
            assert colour == (colours[wanted] if wanted else grey)
        _only_colour(page.current_quote(), colour, colours)
        qtbot.waitUntil(lambda c=colour: _pixels_near(window.nav.dots, c) > 0)
        if voice.id in expected:  # each speaker quoted once: their chip is in their colour
            chip = next(card for card in page.speakers if card.isChecked())
            assert chip.objectName() == f"speaker-{voice.id}"
            _only_colour(chip, colour, colours)
