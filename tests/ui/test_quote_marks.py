"""A quote whose author typed its marks shows the kiosk's one mark, not two."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pytestqt.qtbot import QtBot
from visible import visible_texts

from kiosk.content import LoadedContent, LocalText
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.voices import VoicesPage
from kiosk.ui.widgets.quote import QuoteMark


def test_marks_typed_around_a_quote_are_not_shown_twice(
    qtbot: QtBot, make_window: Callable[..., MainWindow], bundled: LoadedContent
) -> None:
    content = bundled.content
    first = content.voices[0]
    words = {lang: text.strip("“”「」") for lang, text in first.quote.root.items()}
    typed = replace(first, quote=LocalText({"zh": f"「{words['zh']}」", "en": f"“{words['en']}”"}))
    loaded = replace(bundled, content=replace(content, voices=(typed, *content.voices[1:])))
    for lang in ("zh", "en"):
        window = make_window(lang=lang, loaded=loaded)
        window.session.go_to("voices")
        page = window.current_page
        assert isinstance(page, VoicesPage)
        qtbot.waitUntil(lambda page=page: page.current_quote().isVisible())
        block = page.current_quote()
        assert block.quote.text() == words[lang]
        assert words[lang] in visible_texts(window)
        assert len([mark for mark in block.findChildren(QuoteMark) if mark.isVisible()]) == 1
