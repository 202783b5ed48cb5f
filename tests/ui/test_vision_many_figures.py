"""A vision may hold any number of figures and any length of text: every figure is on screen
or one tap away, whole, and nothing scrolls; the bundled visions keep their designed form."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import LoadedContent, load_content
from kiosk.ui import layout_audit as la
from kiosk.ui.pages.vision import VisionPage, balanced_split
from kiosk.ui.snapshot import PageSnapshots

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"


@pytest.fixture(scope="module")
def other_park() -> LoadedContent:
    return load_content(OTHER_PARK)


def _fully_shown(widget: QWidget, window: QWidget) -> bool:
    """`widget` visible, and all of it inside the window."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(top_left) and window.rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1)
    )


def _figures_seen(qtbot: QtBot, page: VisionPage, window: QWidget) -> list[str]:
    """The figures a visitor sees, turning the figure pages with the arrow until they come round."""
    seen: list[str] = []
    pager = page.figure_pager
    for _ in range(len(page.compact_cards) + 1):
        assert la.audit(window, must_fit=True) == []
        seen += [card.figure.id for card in page.shown_cards() if _fully_shown(card, window)]
        if not pager.next_button.isVisible():
            break
        before = pager.page
        qtbot.mouseClick(pager.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda before=before: pager.page != before, timeout=2000)  # type: ignore[misc]
        if pager.page == 0:
            break
    return seen


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_a_vision_with_ten_figures_shows_every_one_without_scrolling(
    qtbot: QtBot,
    content_dict: dict[str, object],
    write_content: Callable[[object], Path],
    size: tuple[int, int],
) -> None:
    data = copy.deepcopy(content_dict)
    figures = [figure["id"] for figure in data["figures"]][:10]  # type: ignore[index]
    data["visions"][0]["figures"] = figures  # type: ignore[index]
    loaded = load_content(write_content(data))
    snapshots = PageSnapshots(loaded, "en", size)
    try:
        page = snapshots.show(f"vision/{loaded.content.visions[0].id}", 0, "en")
        assert isinstance(page, VisionPage)
        QApplication.processEvents()
        window = snapshots.window
        bar = page.scroll_area.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=3000)
        assert not page.scroll_area.has_more_below()
        seen = _figures_seen(qtbot, page, window)
        assert sorted(seen) == sorted(figures)
        assert len(seen) == len(figures)  # each once: pages never repeat a figure
    finally:
        snapshots.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_long_vision_fits_at_1920x1080(qtbot: QtBot, other_park: LoadedContent, lang: str) -> None:
    snapshots = PageSnapshots(other_park, lang, (1920, 1080))
    try:
        for vision in other_park.content.visions:
            page = snapshots.show(f"vision/{vision.id}", 0, lang)
            assert isinstance(page, VisionPage)
            QApplication.processEvents()
            window = snapshots.window
            bar = page.scroll_area.verticalScrollBar()
            qtbot.waitUntil(lambda bar=bar: bar.maximum() == 0, timeout=3000)  # type: ignore[misc]
            assert sorted(_figures_seen(qtbot, page, window)) == sorted(vision.figures)
    finally:
        snapshots.close()


def test_the_bundled_visions_keep_their_designed_form(bundled: LoadedContent) -> None:
    for lang in ("zh", "en"):
        snapshots = PageSnapshots(bundled, lang, (1920, 1080))
        try:
            for vision in bundled.content.visions:
                page = snapshots.show(f"vision/{vision.id}", 0, lang)
                assert isinstance(page, VisionPage)
                QApplication.processEvents()
                assert page.vision_body is not None
                assert not page.vision_body.compact, (lang, vision.id)
                assert all(card.isVisible() for card in page.figure_cards)
        finally:
            snapshots.close()


def test_a_text_splits_into_columns_at_sentence_ends_as_level_as_they_allow() -> None:
    text = "Erster Satz hier. Zweiter Satz mit 646.5 Millionen. Dritter Satz! Vierter Satz?"
    parts = balanced_split(text, 2, len)
    assert " ".join(parts) == text
    assert all(part.endswith((".", "!", "?")) for part in parts)
    assert not any(part.endswith("646.") for part in parts)  # a decimal point ends no sentence
    assert parts == ("Erster Satz hier. Zweiter Satz mit 646.5 Millionen.", "Dritter Satz! Vierter Satz?")
    # The longest part as short as the sentences allow: one long sentence stands alone.
    long = "Kurz. " + "Ein sehr langer Satz " * 5 + "ohne Ende. Kurz. Kurz."
    assert max(map(len, balanced_split(long, 3, len))) == len("Ein sehr langer Satz " * 5 + "ohne Ende.")
    assert balanced_split("Ein einziger Satz ohne Ende", 3, len) == ("Ein einziger Satz ohne Ende", "", "")
    assert balanced_split("第一句。第二句。第三句。", 3, len) == ("第一句。", "第二句。", "第三句。")
