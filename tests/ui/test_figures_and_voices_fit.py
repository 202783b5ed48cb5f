"""The figures and voices pages as a visitor sees them: everything on one screen, the report's
sentences readable without scrolling, speaker chips apart and named in full, no empty band."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from geometry import on_screen
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from touch import tap

from kiosk.content import LoadedContent
from kiosk.ui import layout_audit as la
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.voices import VoicesPage
from kiosk.ui.snapshot import PageSnapshots
from kiosk.ui.widgets.text import Paragraph

MakeWindow = Callable[..., MainWindow]


def nav_top(snapshots: PageSnapshots) -> int:
    nav = snapshots.window.nav
    assert nav is not None
    assert nav.isVisible()
    return nav.mapTo(snapshots.window, QPoint(0, 0)).y()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figures_page_shows_its_report_sentences_without_scrolling(
    snapshots: PageSnapshots, bundled: LoadedContent, lang: str
) -> None:
    window, bottom = snapshots.window, nav_top(snapshots)
    seen: list[str] = []
    for group in bundled.content.figure_groups:
        page = snapshots.show(f"figures/{group.id}", None, lang)
        assert isinstance(page, FiguresPage)
        assert page.scroll_area.verticalScrollBar().maximum() == 0, f"{group.id} scrolls"
        said = {bundled.content.figure(figure_id).sentence[lang] for figure_id in group.figures}
        sentences = [p for p in page.findChildren(Paragraph) if p.isVisible() and p.text() in said]
        assert sentences, f"{group.id}: the report's sentences are not shown"
        for paragraph in sentences:
            rect = on_screen(paragraph, window)
            where = f"{group.id}: {paragraph.text()[:30]}"
            assert rect.top() >= 0, f"{where} above the screen"
            assert rect.bottom() < bottom, f"{where} behind the navigation"
            assert paragraph.height() >= paragraph.heightForWidth(paragraph.width())
            seen.append(paragraph.text())
    # Each figure's sentence is on its page (a sentence another one contains, once).
    for figure in bundled.content.figures:
        assert any(figure.sentence[lang].strip("…. ") in text for text in seen), figure.id


@pytest.mark.parametrize(
    "snapshots",
    [((1920, 1080), 1.0), ((3840, 2160), 1.0), ((1080, 1920), 1.0), ((1280, 800), 1.5), ((1366, 768), 1.25)],
    ids=["1920x1080", "3840x2160", "portrait", "1280x800-x1.5", "1366x768-x1.25"],
    indirect=True,
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_speaker_chips_stand_apart_and_show_whole_names(snapshots: PageSnapshots, lang: str) -> None:
    page = snapshots.show("voices", 0, lang)
    assert isinstance(page, VoicesPage)
    theme = snapshots.session.theme
    chips = [on_screen(chip, snapshots.window) for chip in page.speakers]
    for index, a in enumerate(chips):
        for b in chips[index + 1 :]:
            sides = (b.left() - a.right(), a.left() - b.right(), b.top() - a.bottom(), a.top() - b.bottom())
            apart = max(sides) - 1
            assert apart >= theme.px(16), f"chips {apart} px apart"
    problems = la.audit(snapshots.window, must_fit=False, nav=snapshots.window.nav)
    cut = [f"{p.widget}: {p.detail}" for p in problems if p.widget.startswith("EntryCard#speaker-")]
    assert not cut, "\n".join(cut)


def _lowest_content(page: QWidget, window: QWidget) -> int:
    leaves = [
        on_screen(child, window).bottom()
        for child in page.findChildren(QWidget)
        if child.isVisible() and not child.findChildren(QWidget) and child.height() > 0
    ]
    return max(leaves)


@pytest.mark.parametrize("snapshots", [((1080, 1920), 1.0)], ids=["portrait"], indirect=True)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_portrait_pages_leave_no_empty_band_above_the_navigation(
    snapshots: PageSnapshots, bundled: LoadedContent, lang: str
) -> None:
    window, bottom = snapshots.window, nav_top(snapshots)
    pages = ["voices"] + [f"figures/{group.id}" for group in bundled.content.figure_groups]
    empty: list[str] = []
    for page_id in pages:
        page = snapshots.show(page_id, 0 if page_id == "voices" else None, lang)
        assert page is not None
        body = page.scroll_area.widget()
        assert body is not None
        band = bottom - _lowest_content(body, window)
        if band > 0.1 * window.height():
            empty.append(f"{page_id}: {band} px empty above the navigation")
    assert not empty, "\n".join(empty)


def test_sentences_a_small_screen_cannot_hold_open_behind_a_button(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    # A laptop's screen: the platforms' four bars and their long caption leave no room for the
    # report's two long sentences.
    window = make_window(size=(1366, 768), lang="en")
    window.session.go_to("figures/platforms", direction=0)

    def platforms() -> FiguresPage | None:
        page = window.current_page
        return page if isinstance(page, FiguresPage) else None

    qtbot.waitUntil(lambda: (page := platforms()) is not None and page.sources_button.isVisible())
    page = platforms()
    assert page is not None
    assert not any(widget.isVisible() for widget in page.sentences)
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0)  # the page fits, the button in view
    tap(page.sources_button)
    qtbot.waitUntil(lambda: all(widget.isVisible() for widget in page.sentences))
    assert not page.sources_button.isVisible()
    viewport = page.scroll_area.viewport()

    def last_sentence_in_view() -> bool:
        last = page.sentences[-1]
        top = last.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + last.height() <= viewport.height()

    qtbot.waitUntil(last_sentence_in_view)  # the page scrolled down to what the visitor opened
    page.reset()  # a new visitor: closed again
    qtbot.waitUntil(page.sources_button.isVisible)
    assert not any(widget.isVisible() for widget in page.sentences)
