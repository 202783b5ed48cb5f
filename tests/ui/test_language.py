"""中文 / EN switches every visible text at once and keeps the visitor where they are."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from touch import tap
from visible import has_cjk, settled, visible_texts

from kiosk.ui.main_window import MainWindow

PAGE_TITLES_EN = {
    "home": "The Zhongguancun Initiative",
    "vision/innovative": "Innovative",
    "vision/people": "People-centred",
    "tour/daxing": "Daxing International Hydrogen Energy Demonstration Zone",
    "figures/companies": "Listed, global, unicorn",
    "voices": "As quoted in the report (translated)",
}


def test_toggle_switches_every_page_and_keeps_the_place(qtbot: QtBot, window: MainWindow) -> None:
    assert window.nav is not None
    for ref in window.session.refs:
        window.session.go_to(ref.id, direction=0)
        page = window.current_page
        assert page is not None
        page.set_step(page.step_count() - 1)
        qtbot.waitUntil(lambda page=page: settled(page), timeout=10_000)
        step = page.step_index()
        chinese = visible_texts(page)
        assert any(has_cjk(text) for text in chinese), ref.id
        tap(window.nav.language_button)
        qtbot.waitUntil(lambda: window.session.language.current == "en")
        english = visible_texts(page)
        assert window.session.current_id == ref.id
        assert page.step_index() == step
        assert english != chinese, ref.id
        # Only names the report gives in Chinese script (companies, a transliteration) may stay.
        assert sum(has_cjk(text) for text in english) <= 2, (ref.id, [t for t in english if has_cjk(t)])
        tap(window.nav.language_button)
        qtbot.waitUntil(lambda: window.session.language.current == "zh")
        assert visible_texts(page) == chinese


@pytest.mark.parametrize("page_id", sorted(PAGE_TITLES_EN))
def test_page_titles_in_english(qtbot: QtBot, window: MainWindow, page_id: str, content_dict: dict) -> None:
    assert window.nav is not None
    window.session.go_to(page_id, direction=0)
    tap(window.nav.language_button)
    qtbot.waitUntil(lambda: window.session.language.current == "en")
    page = window.current_page
    assert page is not None
    expected = PAGE_TITLES_EN[page_id]
    if page_id == "figures/companies":
        expected = next(g["title"]["en"] for g in content_dict["figure_groups"] if g["id"] == "companies")
    assert expected in visible_texts(page)


def test_toggle_label_names_the_other_language(qtbot: QtBot, window: MainWindow) -> None:
    assert window.nav is not None
    assert window.nav.language_button.text() == "EN"
    tap(window.nav.language_button)
    qtbot.waitUntil(lambda: window.nav is not None and window.nav.language_button.text() == "中文")
    assert window.nav.home_button.text() == "Home"
