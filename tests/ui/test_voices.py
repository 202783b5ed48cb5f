"""The voices: one chip per person, in the visitor's language; curly marks on every screen."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from touch import tap
from visible import visible_texts

from kiosk.content import LoadedContent, load_content
from kiosk.system.image_check import check_image
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.voices import VoicesPage

MakeWindow = Callable[..., MainWindow]


def _voices(window: MainWindow) -> VoicesPage:
    window.session.go_to("voices", direction=0)
    page = window.current_page
    assert isinstance(page, VoicesPage)
    return page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_chip_per_person_named_in_the_visitors_language(
    make_window: MakeWindow, bundled: LoadedContent, lang: str
) -> None:
    page = _voices(make_window(lang=lang))
    voices = bundled.content.voices
    names = [card.text() for card in page.speakers]
    assert len(names) == len(set(names))  # Li Zhong, quoted twice, has one chip
    assert names == list(dict.fromkeys(voice.name[lang] for voice in voices))
    assert len(page.quotes) == page.step_count() == len(voices)  # every quote still a step


def test_a_persons_chip_walks_their_quotes(qtbot: QtBot, window: MainWindow, bundled: LoadedContent) -> None:
    page = _voices(window)
    voices = bundled.content.voices
    li_zhong = [index for index, voice in enumerate(voices) if voice.name["en"] == "Li Zhong"]
    assert len(li_zhong) == 2
    chip = next(card for card in page.speakers if card.text() == voices[li_zhong[0]].name["zh"])
    tap(chip)
    qtbot.waitUntil(lambda: page.step_index() == li_zhong[0])
    assert chip.isChecked()
    first = page.current_quote().quote.text()
    tap(chip)  # the same person again: their next quote
    qtbot.waitUntil(lambda: page.step_index() == li_zhong[1])
    assert chip.isChecked()
    assert page.current_quote().quote.text() != first
    assert page.current_quote().isVisible()
    window.session.set_step(li_zhong[1] + 1)  # the next person's quote checks their chip
    qtbot.waitUntil(lambda: not chip.isChecked())
    assert sum(card.isChecked() for card in page.speakers) == 1


def _typewritten(content_dict: dict[str, Any]) -> dict[str, Any]:
    """The bundled content as a curator's editor might type it: straight quotes and apostrophes."""
    data = copy.deepcopy(content_dict)
    data["voices"][0]["quote"]["en"] = "It's the 'Beijing Solution', \"in one word\"."
    data["voices"][0]["quote"]["zh"] = '这是"北京方案"。'
    data["figures"][0]["label"]["en"] = "Zhongguancun's R&D investment"
    data["ui_strings"] = {"en": {"voices-hint": 'What they "said"'}}
    return data


@pytest.mark.parametrize("typed", [False, True], ids=["bundled", "typewritten"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_straight_quotes_on_any_screen(
    qtbot: QtBot,
    make_window: MakeWindow,
    write_content: Callable[..., Path],
    content_dict: dict[str, Any],
    lang: str,
    typed: bool,
) -> None:
    loaded = load_content(write_content(_typewritten(content_dict)), check_image) if typed else None
    window = make_window(lang=lang, reduced_motion=True, loaded=loaded)
    session = window.session
    seen: list[str] = []
    for ref in session.refs:
        for step in range(session.step_count(ref.id)):
            session.go_to(ref.id, step=step, direction=0)
            qtbot.waitUntil(lambda r=ref.id: window.current_page.page_id == r)
            for text in visible_texts(window):
                seen.append(text)
                assert "'" not in text, (ref.id, step, text)
                assert '"' not in text, (ref.id, step, text)
    assert len(seen) > 200
    if typed and lang == "en":
        assert "It’s the ‘Beijing Solution’, “in one word”." in seen
        assert "What they “said”" in seen
    if typed and lang == "zh":
        assert "这是“北京方案”。" in seen, [t for t in seen if "北京方案" in t or "方案" in t][:5]
