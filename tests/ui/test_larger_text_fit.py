"""A visitor's larger text on a small panel: the voices and the figures fit their screen, what
does not fit at once in steps or behind "From the report", reached by taps, never by dragging."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from touch import tap

from kiosk.content import LoadedContent
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.base import Page
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.voices import VoicesPage
from kiosk.ui.preferences import Preferences

MakeWindow = Callable[..., MainWindow]
LARGEST = Preferences(text_scale=1.5, high_contrast=True)


def _larger_text_window(make_window: MakeWindow, size: tuple[int, int], lang: str) -> MainWindow:
    window = make_window(size=size, lang=lang, reduced_motion=True)
    window.session.set_preferences(LARGEST)
    return window


def _page(qtbot: QtBot, window: MainWindow, page_id: str) -> Page:
    window.session.go_to(page_id, direction=0)
    qtbot.waitUntil(lambda: window.current_page is not None and window.current_page.page_id == page_id)
    page = window.current_page
    assert page is not None
    return page


def _fits(qtbot: QtBot, page: Page) -> None:
    """The page's layout settles with nothing to scroll to."""
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: not page.scroll_area.fit_pending and bar.maximum() == 0)


def _in_view(widget: QWidget, window: MainWindow) -> bool:
    """Wholly on the screen above the navigation bar."""
    nav = window.nav
    assert nav is not None
    top = widget.mapTo(window, QPoint(0, 0)).y()
    bottom_limit = nav.mapTo(window, QPoint(0, 0)).y()
    return widget.isVisible() and top >= 0 and top + widget.height() <= bottom_limit


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)], ids=["1280x800", "1366x768"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_voices_at_the_largest_text_fit_every_step_reached_by_taps(
    qtbot: QtBot, make_window: MakeWindow, bundled: LoadedContent, size: tuple[int, int], lang: str
) -> None:
    window = _larger_text_window(make_window, size, lang)
    page = _page(qtbot, window, "voices")
    assert isinstance(page, VoicesPage)
    voices = bundled.content.voices
    # First the speakers, every chip on the screen; then every quote on a screen of its own.
    assert window.session.step_count() == len(voices) + 1
    _fits(qtbot, page)
    qtbot.waitUntil(lambda: all(_in_view(chip, window) for chip in page.speakers))
    chip = page.speakers[-1]
    tap(chip)
    qtbot.waitUntil(lambda: page.current_quote().isVisible())
    assert page.current_quote().voice.name[lang] == chip.text()
    assert not any(other.isVisible() for other in page.speakers)
    nav = window.nav
    assert nav is not None
    window.session.set_step(1)
    for index in range(len(voices)):
        expected = page.quotes[index]
        qtbot.waitUntil(lambda: page.current_quote() is expected)  # noqa: B023 (waited for at once)
        _fits(qtbot, page)
        quote = page.current_quote()
        assert _in_view(quote.quote, window), f"voice {index + 1}: its words are not all in view"
        assert _in_view(quote.name, window), f"voice {index + 1}: who said it is not in view"
        if index < len(voices) - 1:
            tap(nav.next_button)
    tap(nav.previous_button)
    qtbot.waitUntil(lambda: page.current_quote() is page.quotes[-2])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_at_the_largest_text_fold_the_report_behind_its_button(
    qtbot: QtBot, make_window: MakeWindow, lang: str
) -> None:
    # Two counters and the report's two sentences: at x1.5 on a small panel the sentences wait
    # behind "From the report" and the cards take the page's width.
    window = _larger_text_window(make_window, (1280, 800), lang)
    page = _page(qtbot, window, "figures/capital")
    assert isinstance(page, FiguresPage)
    _fits(qtbot, page)
    qtbot.waitUntil(page.sources_button.isVisible)
    assert not any(widget.isVisible() for widget in page.sentences)
    assert all(_in_view(card, window) for card in page.figure_cards)
    assert _in_view(page.sources_button, window)
    tap(page.sources_button)
    qtbot.waitUntil(lambda: all(widget.isVisible() for widget in page.sentences))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_large_group_at_the_largest_text_is_read_in_steps(
    qtbot: QtBot, make_window: MakeWindow, bundled: LoadedContent, lang: str
) -> None:
    window = _larger_text_window(make_window, (1280, 800), lang)
    page = _page(qtbot, window, "figures/global-reach")
    assert isinstance(page, FiguresPage)
    group = next(g for g in bundled.content.figure_groups if g.id == "global-reach")
    assert window.session.step_count() == 2  # the headline and two, then the headline and one
    seen: set[str] = set()
    nav = window.nav
    assert nav is not None
    for step in range(2):
        qtbot.waitUntil(lambda: page.step_index() == step)  # noqa: B023 (waited for at once)
        shown = [card for card in page.figure_cards if card.isVisible()]
        assert shown[0].figure.id == group.figures[0]
        seen.update(card.figure.id for card in shown)
        if step == 0:
            tap(nav.next_button)
    assert seen == set(group.figures)
