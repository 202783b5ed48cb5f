"""A vision's paragraph of a thousand characters on a small landscape screen: the compact form
shows it in parts, whole, one at a time, turned with "Read on" (as a tour's long stop); nothing
scrolls, and the bundled visions never need it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import LoadedContent, load_content
from kiosk.ui import layout_audit as la
from kiosk.ui.pages.vision import VisionPage
from kiosk.ui.snapshot import PageSnapshots

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
SMALL_SCREENS = [(1280, 800), (1366, 768)]
# The button under a part: "Read on" to the next, on the last part back "To the text".
BUTTON = {"de": {False: "Weiterlesen", True: "Zum Text"}, "en": {False: "Read on", True: "To the text"}}


@pytest.fixture(scope="module")
def other_park() -> LoadedContent:
    return load_content(OTHER_PARK)


def _words(text: str) -> list[str]:
    # Soft hyphens and line-break hints are the paragraph's own: compared as a reader sees words.
    return text.replace("\u00ad", "").replace("\u200b", "").split()


def _inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    bottom_right = top_left + QPoint(widget.width() - 1, widget.height() - 1)
    return widget.isVisible() and window.rect().contains(top_left) and window.rect().contains(bottom_right)


@pytest.mark.parametrize("size", SMALL_SCREENS, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_long_paragraph_is_read_whole_in_parts_without_scrolling(
    qtbot: QtBot, other_park: LoadedContent, lang: str, size: tuple[int, int]
) -> None:
    snapshots = PageSnapshots(other_park, lang, size)
    try:
        for vision in other_park.content.visions:
            page = snapshots.show(f"vision/{vision.id}", 0, lang)
            assert isinstance(page, VisionPage)
            QApplication.processEvents()
            window = snapshots.window
            bar = page.scroll_area.verticalScrollBar()
            qtbot.waitUntil(lambda bar=bar: bar.maximum() == 0, timeout=3000)  # type: ignore[misc]
            assert page.vision_body is not None
            assert page.vision_body.compact, vision.id
            text, parts = page.column_text, page.text_parts
            assert parts.isVisible(), vision.id
            assert text.pages > 1, vision.id
            read: list[str] = []
            for part in range(text.pages):
                assert parts.dots.index == part
                assert la.audit(window, must_fit=True) == [], (vision.id, part)
                for column in text.parts:
                    assert _inside(column, window), (vision.id, part)
                    read += _words(column.text())
                last = part == text.pages - 1
                assert parts.button.text() == BUTTON[lang][last]
                qtbot.mouseClick(parts.button, Qt.MouseButton.LeftButton)
                turned_to = (part + 1) % text.pages
                qtbot.waitUntil(lambda text=text, turned_to=turned_to: text.page == turned_to, timeout=2000)  # type: ignore[misc]
            # Every word of the paragraph, once and in order, across the parts.
            assert read == _words(page.language.text(vision.text)), vision.id
            assert text.page == 0  # the last part's button goes back to the text's start
    finally:
        snapshots.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), *SMALL_SCREENS])
def test_the_bundled_visions_show_their_paragraph_in_one_part(
    qapp: QApplication, bundled: LoadedContent, size: tuple[int, int]
) -> None:
    for lang in ("zh", "en"):
        snapshots = PageSnapshots(bundled, lang, size)
        try:
            for vision in bundled.content.visions:
                page = snapshots.show(f"vision/{vision.id}", 0, lang)
                assert isinstance(page, VisionPage)
                QApplication.processEvents()
                if page.vision_body is not None and page.vision_body.compact:
                    assert page.column_text.pages == 1, (lang, vision.id)
                    assert not page.text_parts.isVisible(), (lang, vision.id)
        finally:
            snapshots.close()
