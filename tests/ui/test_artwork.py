"""Artwork as drawn: SVG of no size is refused by `kiosk validate` with its place, and should such
a file ever reach a tour diagram it draws nothing instead of crashing the kiosk; PNG artwork
is drawn as the picture it is."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.cli import main as kiosk_main
from kiosk.content import ContentError, LoadedContent, load_content
from kiosk.system.image_check import check_image
from kiosk.system.resources import bundled_dir
from kiosk.ui.language import LanguageState
from kiosk.ui.layout_audit import drawn_texts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.tour import TourPage
from kiosk.ui.pages.vision import VisionPage
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.icons import icon_pixmap
from kiosk.ui.widgets.tour_diagram import TourDiagram

Writer = Callable[..., Path]
MakeWindow = Callable[..., MainWindow]
DAXING = (bundled_dir("assets") / "tours" / "daxing.svg").read_text(encoding="utf-8")
BUNDLED_SIZE = 'width="1600" height="1000" viewBox="0 0 1600 1000"'

# The <svg> element's size attributes, and what `kiosk validate` says about them.
NO_SIZE = {
    "zero width": ('width="0" height="1000"', 'width "0" is not a positive length'),
    "zero height": ('width="1600" height="0" viewBox="0 0 1600 1000"', 'height "0" is not a positive length'),
    "zero viewBox": (
        'viewBox="0 0 0 0"',
        'viewBox "0 0 0 0" has no area: its width and height must be positive',
    ),
    "zero-wide viewBox": (
        'viewBox="0 0 0 1000"',
        'viewBox "0 0 0 1000" has no area: its width and height must be positive',
    ),
    "negative viewBox": (
        'width="1600" height="1000" viewBox="0 0 1600 -1000"',
        'viewBox "0 0 1600 -1000" has no area: its width and height must be positive',
    ),
    "no size": ("", "has no size of its own: give its <svg> element a viewBox, or a width and a height"),
    "under a pixel": ('width="0.4" height="0.4"', "draws at 0x0 px; it needs at least 1 px a side"),
}


def _svg(size_attributes: str, body: str = DAXING) -> str:
    assert BUNDLED_SIZE in body
    return body.replace(BUNDLED_SIZE, size_attributes, 1)


def _diagram_content(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path, name: str, data: bytes
) -> Path:
    (tmp_path / "assets" / "tours" / name).write_bytes(data)
    content = json.loads(json.dumps(content_dict))
    content["tours"][0]["diagram"] = f"tours/{name}"
    return write_content(content)


def _png(width: int, height: int, colour: str, alpha: bool = False) -> bytes:
    """A PNG of one colour; with `alpha`, a square of it in the middle of transparency."""
    image = QImage(width, height, QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.transparent if alpha else QColor(colour))
    if alpha:
        for y in range(height // 4, height * 3 // 4):
            for x in range(width // 4, width * 3 // 4):
                image.setPixelColor(x, y, QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def _share_of(image: QImage, colour: str, tolerance: int = 40) -> float:
    """The share of `image`'s pixels within `tolerance` of `colour`, every 4th pixel sampled."""
    wanted = QColor(colour)
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            pixel = image.pixelColor(x, y)
            total += 1
            hits += (
                all(
                    abs(a - b) <= tolerance
                    for a, b in zip(pixel.getRgb()[:3], wanted.getRgb()[:3], strict=True)
                )
                and pixel.alpha() > 200
            )
    return hits / max(1, total)


@pytest.mark.parametrize("case", list(NO_SIZE))
@pytest.mark.qt_log_ignore(".*")  # QtSvg's own word on some of these files
def test_validate_refuses_svg_of_no_size(
    case: str,
    qapp: QApplication,
    write_content: Writer,
    content_dict: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    attributes, message = NO_SIZE[case]
    path = _diagram_content(write_content, content_dict, tmp_path, "flat.svg", _svg(attributes).encode())
    assert kiosk_main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{path}: tours[0].diagram: tours/flat.svg: {message}"]


def test_validate_accepts_tiny_and_large_svg_and_png(
    qapp: QApplication, write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    for name, data in (
        ("one.svg", _svg('width="1" height="1"').encode()),
        ("viewbox-only.svg", _svg('viewBox="0 0 1600 1000"').encode()),
        ("largest.svg", _svg('width="8192" height="8192" viewBox="0 0 1600 1000"').encode()),
        ("one.png", _png(1, 1, "#ff0000")),
    ):
        path = _diagram_content(write_content, content_dict, tmp_path, name, data)
        assert load_content(path, check_image).content.tours[0].diagram == f"tours/{name}"
    path = _diagram_content(
        write_content, content_dict, tmp_path, "too-large.svg", _svg('width="8193" height="10"').encode()
    )
    with pytest.raises(ContentError) as caught:
        load_content(path, check_image)
    assert [str(p) for p in caught.value.problems] == [
        "tours[0].diagram: tours/too-large.svg: 8193x10 px is larger than 8192 px a side"
    ]


@pytest.mark.parametrize("case", list(NO_SIZE))
@pytest.mark.qt_log_ignore(".*")
def test_a_diagram_of_no_size_draws_nothing_and_does_not_crash(
    case: str, qtbot: QtBot, bundled: LoadedContent, tmp_path: Path
) -> None:
    """Were artwork of no size ever to reach the widget (it cannot pass validation), every
    size it computes stays finite and painting goes on without the drawing."""
    diagram_file = tmp_path / "flat.svg"
    diagram_file.write_text(_svg(NO_SIZE[case][0]), encoding="utf-8")
    theme = Theme.for_size(1080, 1920)
    for fit_width in (False, True):
        diagram = TourDiagram(
            bundled.content.tours[0],
            diagram_file,
            LanguageState(("zh", "en"), "zh"),
            theme,
            fit_width,
            colour=theme.palette.green,
        )
        qtbot.addWidget(diagram)
        assert diagram.sizeHint().height() > 0
        assert diagram.heightForWidth(900) > 0
        for width, height in ((900, 600), (1, 1), (0, 0), (900, 600)):
            diagram.resize(width, height)
            diagram.show()
            assert not diagram.grab().isNull() or width == 0
        diagram.zoom_at(QPointF(300, 300), 2.5)
        qtbot.wait(120)  # the sharp re-render after a zoom settles
        assert not diagram.grab().isNull()
        assert diagram.hotspot_at(diagram.hotspot_centre(0)) is not None


def test_a_very_tall_diagram_keeps_a_sensible_widget_size(
    qtbot: QtBot, bundled: LoadedContent, tmp_path: Path
) -> None:
    diagram_file = tmp_path / "tall.svg"
    diagram_file.write_text(_svg('width="1" height="8192" viewBox="0 0 1600 1000"'), encoding="utf-8")
    diagram = TourDiagram(
        bundled.content.tours[0],
        diagram_file,
        LanguageState(("zh", "en"), "zh"),
        Theme.for_size(1080, 1920),
        fit_width=True,
        colour="#2FC487",
    )
    qtbot.addWidget(diagram)
    assert diagram.heightForWidth(1000) <= 4000
    diagram.resize(1000, diagram.heightForWidth(1000))
    assert not diagram.grab().isNull()


def test_a_png_tour_diagram_is_drawn(
    qtbot: QtBot, make_window: MakeWindow, write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    path = _diagram_content(write_content, content_dict, tmp_path, "red.png", _png(800, 500, "#d02020"))
    window = make_window(loaded=load_content(path, check_image))
    window.session.go_to("tour/daxing", direction=0)
    page = window.current_page
    assert isinstance(page, TourPage)
    qtbot.waitUntil(lambda: page.diagram.width() > 100)
    rect = page.diagram.diagram_rect().toRect()
    picture = page.diagram.grab(rect).toImage()
    assert _share_of(picture, "#d02020") > 0.5  # hotspots and the route cover the rest


def test_png_icons_are_drawn(
    qtbot: QtBot, make_window: MakeWindow, write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    """A PNG with transparency is tinted like the line icons; an opaque one keeps its colours."""
    icons = tmp_path / "assets" / "icons"
    (icons / "mark.png").write_bytes(_png(96, 96, "#000000", alpha=True))
    (icons / "photo.png").write_bytes(_png(96, 96, "#2050d0"))
    tinted = icon_pixmap(icons / "mark.png", 64, "#ffffff").toImage()
    assert 0.15 < _share_of(tinted, "#ffffff") < 0.5  # the middle square, tinted; the rest clear
    assert _share_of(icon_pixmap(icons / "photo.png", 64, "#ffffff").toImage(), "#2050d0") > 0.9
    data = json.loads(json.dumps(content_dict))
    data["visions"][1]["icon"] = "icons/mark.png"
    window = make_window(loaded=load_content(write_content(data), check_image))
    window.session.go_to("vision/green", direction=0)
    page = window.current_page
    assert isinstance(page, VisionPage)
    drawn = [label.pixmap() for label in page.findChildren(QLabel) if not label.pixmap().isNull()]
    assert drawn
    colour = window.session.theme.palette.on_colour
    assert any(_share_of(pixmap.toImage(), colour) > 0.1 for pixmap in drawn)


def test_a_tours_stop_numbers_are_in_the_languages_digits(qtbot: QtBot, bundled: LoadedContent) -> None:
    """Persian writes ۱ ۲ ۳ (CLDR's default digits for `fa`): the map's stop numbers follow the
    language on screen, and change with it."""
    tour = bundled.content.tours[0]
    language = LanguageState(("fa", "en"), "fa")
    diagram = TourDiagram(tour, bundled.asset(tour.diagram), language, Theme(), colour="#2FC487")
    qtbot.addWidget(diagram)
    diagram.resize(960, 640)
    painted = {run.text for run in drawn_texts(diagram)}
    assert {"۱", "۲"} <= painted, painted
    language.set("en")
    painted = {run.text for run in drawn_texts(diagram)}
    assert {"1", "2"} <= painted, painted
