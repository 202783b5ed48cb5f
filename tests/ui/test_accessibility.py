"""A visitor's own settings from the navigation bar: larger text without clipping, high contrast,
reduced motion; all undone for the next visitor."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from touch import tap

from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Preferences
from kiosk.ui.widgets.buttons import ColourTile, EntryCard
from kiosk.ui.widgets.text import Paragraph

MakeWindow = Callable[..., MainWindow]


def _open_panel(window: MainWindow) -> None:
    assert window.nav is not None
    tap(window.nav.accessibility_button)
    assert window.accessibility is not None
    assert window.accessibility.isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_settings_are_in_the_bottom_bar_on_every_page(
    qtbot: QtBot, make_window: MakeWindow, size: tuple[int, int]
) -> None:
    """Within reach of a wheelchair: the button sits in the navigation bar at the bottom edge,
    on home and on every other page, and a tap there opens the panel."""
    window = make_window(size=size, reduced_motion=True)
    for ref in window.session.refs:
        window.session.go_to(ref.id, direction=0)
        assert window.nav is not None
        button = window.nav.accessibility_button
        qtbot.waitUntil(button.isVisible, timeout=2000)
        top = button.mapTo(window, QPoint(0, 0)).y()
        assert top >= window.height() - window.theme.nav_height, ref.id
        assert button.isEnabled()
    _open_panel(window)


def _middle_colour(widget: QWidget) -> QColor:
    """The colour a person sees in the middle of a button's left half (beside its label)."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 8, image.height() // 2)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_the_chosen_option_of_each_setting_stands_out(
    qtbot: QtBot, make_window: MakeWindow, high_contrast: bool
) -> None:
    window = make_window(reduced_motion=True)
    window.session.set_preferences(Preferences(high_contrast=high_contrast))
    _open_panel(window)
    panel = window.accessibility
    assert panel is not None
    qtbot.waitUntil(lambda: panel.panel.height() > 0, timeout=2000)
    image = panel.panel.grab().toImage()
    panel_colour = image.pixelColor(image.width() // 2, panel.panel.layout().contentsMargins().top() // 2)
    for buttons in (panel.size_buttons, panel.contrast_buttons, panel.motion_buttons):
        chosen = [button for button in buttons if button.isChecked()]
        assert len(chosen) == 1
        chosen_colour = _middle_colour(chosen[0])
        assert chosen_colour != panel_colour
        for other in buttons:
            if other is not chosen[0]:
                assert not other.isChecked()
                assert _middle_colour(other) != chosen_colour


def test_choosing_largest_changes_what_the_panel_shows(qtbot: QtBot, window: MainWindow) -> None:
    _open_panel(window)
    panel = window.accessibility
    assert panel is not None
    largest_before = _middle_colour(panel.size_buttons[2])
    label_width_before = panel.size_buttons[2].sizeHint().width()
    tap(panel.size_buttons[2])
    panel = window.accessibility
    assert panel is not None
    qtbot.waitUntil(lambda: panel.isVisible() and panel.size_buttons[2].isChecked(), timeout=2000)
    assert _middle_colour(panel.size_buttons[2]) != largest_before  # now drawn as the chosen one
    assert not panel.size_buttons[0].isChecked()
    # The panel itself is drawn again in the larger text.
    assert panel.size_buttons[2].sizeHint().width() > label_width_before


def test_larger_text_from_the_home_screen(qtbot: QtBot, window: MainWindow) -> None:
    _open_panel(window)
    assert window.accessibility is not None
    tap(window.accessibility.size_buttons[2])
    assert window.theme.text_scale == 1.5
    assert window.theme.font_px("body") == 45
    assert window.accessibility.isVisible()  # the panel stays, in the new size
    assert window.accessibility.size_buttons[2].isChecked()
    window.session.reset()
    assert window.theme.text_scale == 1.0


def _cut_off(page: QWidget) -> str | None:
    """The first visible text that got less height than it needs, if any."""
    for label in page.findChildren(QLabel):
        needs = label.heightForWidth(label.width()) - 1
        if label.isVisible() and label.text() and label.wordWrap() and label.height() < needs:
            return label.text()[:40]
    for paragraph in page.findChildren(Paragraph):
        if paragraph.isVisible() and paragraph.height() < paragraph.heightForWidth(paragraph.width()) - 1:
            return paragraph.text()[:40]
    return None


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_is_cut_off_at_one_and_a_half_times(
    qtbot: QtBot, make_window: MakeWindow, size: tuple[int, int]
) -> None:
    window = make_window(size=size, reduced_motion=True)
    window.session.set_preferences(Preferences(text_scale=1.5))
    for lang in ("zh", "en"):
        window.session.language.set(lang)
        for ref in window.session.refs:
            window.session.go_to(ref.id, direction=0)
            page = window.current_page
            assert page is not None
            # Layout settles within an event-loop turn or two after a switch.
            qtbot.waitUntil(lambda page=page: _cut_off(page) is None, timeout=2000)


def test_high_contrast_and_back(qtbot: QtBot, window: MainWindow) -> None:
    _open_panel(window)
    assert window.accessibility is not None
    tap(window.accessibility.contrast_buttons[1])
    assert window.theme.palette.background == "#000000"
    assert window.theme.palette.text == "#FFFFFF"
    assert window.session.current_id == "home"  # the place is kept
    assert "#000000" in window.styleSheet()
    window.session.go_to("vision/green", direction=0)
    assert "border: 2px solid #FFFFFF" in window.stack.styleSheet()  # panels get outlines
    window.session.reset()
    assert window.theme.palette.background == "#0B1426"


def test_reduced_motion_for_this_visitor(qtbot: QtBot, window: MainWindow) -> None:
    _open_panel(window)
    assert window.accessibility is not None
    tap(window.accessibility.motion_buttons[1])
    window.accessibility.hide()
    window.session.go_to("figures/companies")
    page = window.current_page
    assert page is not None
    assert window.stack.overlay.isHidden()  # no slide
    assert page.entrance is not None
    assert not page.entrance.running  # no count-up: the final values at once


def test_high_contrast_draws_no_faint_buttons(qtbot: QtBot, make_window: MakeWindow) -> None:
    """In high contrast a control that does nothing here is not drawn greyed out: at home,
    Home and Back are gone (their places kept); on a vision page they are back."""
    window = make_window(reduced_motion=True)
    window.session.set_preferences(Preferences(high_contrast=True))
    nav = window.nav
    assert nav is not None
    qtbot.waitUntil(nav.accessibility_button.isVisible, timeout=2000)
    assert not nav.home_button.isVisible()
    assert not nav.back_button.isVisible()
    window.session.go_to("vision/green", direction=0)
    assert nav.home_button.isVisible()
    assert nav.back_button.isVisible()
    window.session.set_preferences(Preferences())
    window.session.go_home()
    plain = window.nav
    assert plain is not None
    qtbot.waitUntil(plain.home_button.isVisible, timeout=2000)  # greyed, as ever, outside high contrast
    assert not plain.home_button.isEnabled()


def test_high_contrast_outlines_every_tile_and_entry_on_black(qtbot: QtBot, make_window: MakeWindow) -> None:
    """No filled tiles on black, and no touch area that vanishes: each vision tile, entry card
    and navigation button shows an edge a person can see, and a tile's middle is black."""
    window = make_window(reduced_motion=True)
    window.session.set_preferences(Preferences(high_contrast=True))
    page = window.current_page
    assert page is not None
    assert window.nav is not None
    qtbot.waitUntil(window.nav.accessibility_button.isVisible, timeout=2000)
    black = QColor("#000000")
    targets: list[QWidget] = [
        *page.findChildren(ColourTile),
        *page.findChildren(EntryCard),
        window.nav.accessibility_button,
        window.nav.language_button,
    ]
    assert len(targets) >= 9
    screen = window.grab().toImage()  # as a person sees it: on the page's black
    for target in targets:
        origin = target.mapTo(window, QPoint(0, 0))
        middle_row = origin.y() + target.height() // 2
        # The trailing edge (an entry card's colour bar is on its leading one).
        right = origin.x() + target.width() - 1
        edge = [screen.pixelColor(right - x, middle_row) for x in range(min(8, target.width()))]
        assert any(colour.lightness() > 100 for colour in edge), target.accessibleName()
        if isinstance(target, ColourTile):  # not filled: black inside its outline
            inside = screen.pixelColor(origin.x() + target.width() - 30, origin.y() + 30)
            assert inside == black, target.accessibleName()


def test_high_contrast_draws_a_visions_band_as_an_outline(qtbot: QtBot, make_window: MakeWindow) -> None:
    """High contrast fills nothing with colour: the vision's hero band is black inside, its
    colour a line round it, its name in white."""
    window = make_window(reduced_motion=True)
    window.session.set_preferences(Preferences(high_contrast=True))
    window.session.go_to("vision/green", direction=0)
    page = window.current_page
    assert page is not None
    hero = page.findChild(QWidget, "hero")
    assert hero is not None
    qtbot.waitUntil(hero.isVisible, timeout=2000)
    screen = window.grab().toImage()
    origin = hero.mapTo(window, QPoint(0, 0))
    green = QColor(window.session.loaded.content.visions[1].color)
    inside = screen.pixelColor(origin.x() + hero.width() - 40, origin.y() + hero.height() // 2)
    edge = screen.pixelColor(origin.x() + hero.width() - 2, origin.y() + hero.height() // 2)
    assert inside == QColor("#000000")
    assert max(abs(edge.red() - green.red()), abs(edge.green() - green.green())) < 40, edge.name()
