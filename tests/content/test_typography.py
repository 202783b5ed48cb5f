"""Straight quotes typed in the content reach the screen as each language's curly marks."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from kiosk.content.loader import parse_content
from kiosk.content.typography import curly_quotes
from kiosk.i18n.strings import ui_text, use_content


@pytest.mark.parametrize(
    ("typed", "lang", "shown"),
    [
        ("China's 'Beijing Solution'.", "en", "China’s ‘Beijing Solution’."),
        ('"Lack of funding" comes first.', "en", "“Lack of funding” comes first."),
        ("He said: \"It's 'fine'\".", "en", "He said: “It’s ‘fine’”."),
        ("the '90s", "en", "the ’90s"),
        ('（"中关村倡议"）', "zh", "（“中关村倡议”）"),
        ('这是"北京方案"。', "zh", "这是“北京方案”。"),  # marks between characters, no spaces
        ("所谓'浅滩奇迹'和'深海传奇'", "zh", "所谓‘浅滩奇迹’和‘深海传奇’"),
        ("the parks' land", "en", "the parks’ land"),
        ('Er sagte "ja".', "de", "Er sagte „ja“."),
        ("Already “curly” and ‘fine’.", "en", "Already “curly” and ‘fine’."),
        ("No marks at all", "en", "No marks at all"),
    ],
)
def test_curly_quotes(typed: str, lang: str, shown: str) -> None:
    assert curly_quotes(typed, lang) == shown


def test_content_texts_are_set_with_curly_quotes(content_dict: dict[str, Any]) -> None:
    data = copy.deepcopy(content_dict)
    data["voices"][0]["quote"]["en"] = "It's the 'Beijing Solution'."  # type: ignore[index]
    data["ui_strings"] = {"en": {"voices-hint": 'What they "said"'}}
    content = parse_content(json.dumps(data))
    assert content.voices[0].quote["en"] == "It’s the ‘Beijing Solution’."
    use_content(content)
    try:
        assert ui_text("voices-hint", "en") == "What they “said”"
    finally:
        use_content(None)
