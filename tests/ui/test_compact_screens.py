"""Small landscape panels and a visitor's larger text: what a person sees of the navigation
bar and of home, measured on the drawn pixels."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pytest
from conftest import MakeWindow
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot
from touch import swipe

from kiosk.showfloor.admin_pin import PinGate
from kiosk.showfloor.floor import ShowFloor
from kiosk.showfloor.overlays.admin import PinPad
from kiosk.system.settings import Settings
from kiosk.ui import layout_audit as la
from kiosk.ui.language import LanguageState
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.home import HomePage
from kiosk.ui.preferences import Preferences
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import ColourTile, TouchButton
from kiosk.ui.widgets.text import TextLabel

SIZES = [(1280, 800), (1366, 768), (1920, 1080), (1080, 1920)]
CHOICES = [Preferences(), Preferences(text_scale=1.25), Preferences(text_scale=1.5, high_contrast=True)]
MIN_SIDE, MIN_GAP = 64, 16


def pixels(widget: QWidget) -> np.ndarray:
    """The widget as drawn, one colour a pixel (device pixels: the offscreen ratio is 1)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    raw = np.array(image.constBits(), dtype=np.uint8).reshape(height, image.bytesPerLine())
    return raw[:, : width * 4].reshape(height, width, 4)[:, :, :3].copy()


def painted_box(image: np.ndarray, background: np.ndarray) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of what differs from the background, None if nothing does."""
    ink = np.abs(image.astype(int) - background.astype(int)).max(axis=2) > 40
    rows, columns = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if rows.size == 0:
        return None
    return int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1


def on_a_tour(
    make_window: MakeWindow, qtbot: QtBot, size: tuple[int, int], choice: Preferences
) -> MainWindow:
    window = make_window(size=size, lang="en", reduced_motion=True)
    window.session.set_preferences(choice)
    window.session.go_to("tour/daxing", step=1)  # home, back, previous, dots, next: all shown
    qtbot.waitUntil(
        lambda: (
            window.current_page is not None
            and window.current_page.page_id == "tour/daxing"
            and window.nav is not None
            and window.nav.next_button.isVisible()
        )
    )
    return window


@pytest.mark.parametrize("choice", CHOICES, ids=["text1", "text1.25", "text1.5-hc"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_navigation_pills_are_drawn_64px_high_and_16px_apart(
    make_window: MakeWindow, qtbot: QtBot, size: tuple[int, int], choice: Preferences
) -> None:
    window = on_a_tour(make_window, qtbot, size, choice)
    nav = window.nav
    assert nav is not None
    image = pixels(nav)
    background = image[-3, nav.width() // 2]  # the bar's own colour, under the dots
    buttons = sorted(
        (b for b in nav.findChildren(TouchButton) if b.isVisible()), key=lambda b: b.geometry().left()
    )
    assert len(buttons) >= 5
    shapes = 0
    spans: list[tuple[int, int]] = []
    for button in buttons:
        geometry = button.geometry()
        assert geometry.height() >= MIN_SIDE, button.objectName()
        assert geometry.width() >= MIN_SIDE, button.objectName()
        box = painted_box(
            image[geometry.top() : geometry.bottom() + 1, geometry.left() : geometry.right() + 1], background
        )
        assert box is not None, f"{button.objectName()} draws nothing"
        left, top, right, bottom = box
        # A drawn pill spans its button: a visitor aims at the shape, so the shape is the target.
        if right - left >= geometry.width() - 8:
            shapes += 1
            assert bottom - top >= MIN_SIDE, f"{button.objectName()}: pill drawn {bottom - top} px high"
            spans.append((geometry.left() + left, geometry.left() + right))
        else:
            spans.append((geometry.left(), geometry.right() + 1))
    assert shapes >= (len(buttons) if choice.high_contrast else 1)  # the language pill at least
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start - end >= MIN_GAP, f"targets drawn {start - end} px apart"


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("choice", CHOICES, ids=["text1", "text1.25", "text1.5-hc"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_shows_every_entry_and_call_without_scrolling(
    make_window: MakeWindow, qtbot: QtBot, size: tuple[int, int], choice: Preferences, lang: str
) -> None:
    """Home's tiles, entries and the initiative's calls, each whole above the navigation bar on
    one of home's steps (the dots and a swipe reach them), never under a "more below" fade."""
    window = make_window(size=size, lang=lang, reduced_motion=True)
    window.session.set_preferences(choice)
    qtbot.waitUntil(lambda: isinstance(window.current_page, HomePage))
    page = window.current_page
    assert isinstance(page, HomePage)
    assert window.nav is not None
    language = window.session.language
    calls = {language.text(call) for call in page.content.home.calls}
    targets: list[QWidget] = [*page.vision_tiles, *page.entry_cards]
    seen: set[str] = set()
    seen_targets: set[int] = set()
    steps = window.session.step_count("home")

    def shown_whole(step: int) -> list[str]:
        """What a visitor cannot fully see on `step`, once the step is laid out."""
        if page.step_index() != step or page.scroll_area.fit_pending:
            return ["not laid out yet"]
        bar = page.scroll_area.verticalScrollBar()
        nav = window.nav
        assert nav is not None
        nav_top = in_window(nav).top()
        cut = [f"scrolls by {bar.maximum()} px"] if bar.maximum() > 0 else []
        for label in page.findChildren(TextLabel):
            if label.isVisible() and label.text() in calls:
                if in_window(label).bottom() >= nav_top:
                    cut.append(f"call {label.text()!r} under the bar")
                seen.add(label.text())
        for target in targets:
            if target.isVisible():
                rect = in_window(target)
                if rect.bottom() >= nav_top or rect.height() < MIN_SIDE:
                    cut.append(f"{target.text()!r} at {rect.getRect()}, the bar at {nav_top}")
                seen_targets.add(id(target))
        return cut

    for step in range(steps):
        window.session.set_step(step)
        try:
            qtbot.waitUntil(lambda step=step: not shown_whole(step))
        except TimeoutError:
            pytest.fail(f"home step {step + 1} of {steps}: {shown_whole(step)}")
    assert seen == calls, f"calls never shown: {calls - seen}"
    assert len(seen_targets) == len(targets)
    if steps > 1:
        assert window.nav.dots.isVisible(), "home's steps are shown by the dots"


@pytest.mark.parametrize("languages", [("en",), ("zh", "en")], ids=["en", "zh+en"])
@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "hc"])
@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_pin_keys_are_drawn_64px_wide_and_16px_apart(
    qtbot: QtBot, size: tuple[int, int], high_contrast: bool, languages: tuple[str, ...]
) -> None:
    """The keys a staff member aims at, as drawn (a short OK leaves the keys at their least)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    theme = replace(Theme.for_size(*size), high_contrast=high_contrast)
    pad = PinPad(window, LanguageState(languages, languages[-1]), theme, PinGate("", ""))
    pad.open()
    qtbot.waitUntil(pad.isVisible)
    image = pixels(pad)
    rings: list[tuple[int, int, int, int]] = []
    for name, key in pad.keys.items():
        at = key.mapTo(pad, QPoint(0, 0))
        crop = image[at.y() : at.y() + key.height(), at.x() : at.x() + key.width()]
        box = painted_box(crop, crop[0, 0])  # the panel's colour, in the key's corner
        assert box is not None, name
        left, top, right, bottom = box
        assert right - left >= MIN_SIDE, f"key {name!r} drawn {right - left} px wide"
        assert bottom - top >= MIN_SIDE, f"key {name!r} drawn {bottom - top} px high"
        rings.append((at.x() + left, at.y() + top, at.x() + right, at.y() + bottom))
    for row in range(0, len(rings), 3):
        for (_, _, end, _), (start, _, _, _) in itertools.pairwise(rings[row : row + 3]):
            assert start - end >= MIN_GAP, f"keys drawn {start - end} px apart"
    pad.close_pad()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_countdown_at_the_largest_text_keeps_air_around_it(
    make_window: MakeWindow, qtbot: QtBot, size: tuple[int, int], lang: str
) -> None:
    """Both languages of "Still exploring?" whole, in a card that keeps a margin above and below
    (stacked at x1.5 on a landscape panel it touched the screen's edges)."""
    window = make_window(size=size, lang=lang, reduced_motion=True)
    window.session.set_preferences(Preferences(text_scale=1.5, high_contrast=True))
    floor = ShowFloor(window.session, window, Settings(), lambda _s: None, lambda: None, idle_ms=10**9)
    try:
        countdown = floor.countdown
        countdown.open()
        qtbot.waitUntil(countdown.isVisible)
        card = countdown.panel.geometry()
        margin = window.session.theme.margin
        assert card.top() >= margin, f"the card starts {card.top()} px from the top"
        assert window.height() - card.bottom() >= margin, (
            f"it ends {window.height() - card.bottom()} px above the bottom"
        )
        assert not la.audit(countdown, must_fit=True)
    finally:
        floor.close()


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_attract_loops_vision_names_keep_one_line_on_a_small_panel(
    make_window: MakeWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    """The title slide's tiles, as on home: "People-centred" whole on one line, not "People-" over
    "centred" beside an icon squeezed into a low tile."""
    window = make_window(size=size, lang="en", reduced_motion=True)
    floor = ShowFloor(window.session, window, Settings(), lambda _s: None, lambda: None, idle_ms=10**9)
    try:
        floor.start_attract()
        loop = floor.attract
        assert loop is not None
        qtbot.waitUntil(loop.isVisible)
        tiles = [tile for tile in loop.findChildren(ColourTile) if tile.isVisible()]
        assert len(tiles) == len(window.session.loaded.content.visions)
        for tile in tiles:
            runs = la.drawn_texts(tile)
            largest = max(run.font.pixelSize() for run in runs)
            assert [run.text for run in runs if run.font.pixelSize() == largest] == [tile.text()]
    finally:
        floor.close()


def test_a_swipe_turns_home_to_the_initiative_on_a_small_panel(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window(size=(1280, 800), lang="en")
    page = window.current_page
    assert isinstance(page, HomePage)
    assert window.nav is not None
    assert not page.calls.isVisible()  # the first step: the visions and the ways in
    swipe(page, -300)
    qtbot.waitUntil(lambda: page.step_index() == 1 and page.calls.isVisible())
    assert window.session.current_id == "home"
    assert window.nav.dots.index == 1
    assert not page.vision_grid.isVisible()
    swipe(page, 300)
    qtbot.waitUntil(lambda: page.step_index() == 0 and page.vision_grid.isVisible())
