"""What `kiosk validate` tells an author, exactly: one message per cause, the cause first, in the
schema's words, about what the file says (never about a default it did not write)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.content import ContentError
from kiosk.content.loader import parse_content

Edit = Callable[[dict[str, Any]], None]


def _problems(content_dict: dict[str, Any], edit: Edit) -> list[str]:
    data: dict[str, Any] = json.loads(json.dumps(content_dict))
    edit(data)
    with pytest.raises(ContentError) as caught:
        parse_content(json.dumps(data, ensure_ascii=False))
    return [str(problem) for problem in caught.value.problems]


def _rename_language(old: str, new: str) -> Edit:
    """Every text's `old` key, and the declared language, become `new` (an author's own code)."""

    def rename(node: Any) -> None:
        if isinstance(node, dict):
            if old in node and isinstance(node[old], str):
                node[new] = node.pop(old)
            for value in node.values():
                rename(value)
        elif isinstance(node, list):
            for value in node:
                rename(value)

    def edit(data: dict[str, Any]) -> None:
        rename(data)
        data["meta"]["languages"] = [new if lang == old else lang for lang in data["meta"]["languages"]]

    return edit


def _set(*path: str | int, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return edit


def _delete(*path: str | int) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return edit


def _calls_without(lang: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        for call in data["home"]["calls"]:
            del call[lang]

    return edit


def _also(*edits: Edit) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        for each in edits:
            each(data)

    return edit


MESSAGES: dict[str, tuple[Edit, list[str]]] = {
    # No hidden default: the message names the field and what to write, not a value never written.
    "missing default_language": (
        _delete("meta", "default_language"),
        [
            "meta.default_language: field required: "
            + "name the language a visitor sees first, one of meta.languages"
        ],
    ),
    "missing languages": (
        _delete("meta", "languages"),
        ['meta.languages: field required: list the languages of the texts, e.g. ["de", "en"]'],
    ),
    "default language not among the languages": (
        _set("meta", "default_language", value="de"),
        ["meta: default_language 'de' is not one of languages (zh, en)"],
    ),
    "a language listed twice": (
        _set("meta", "languages", value=["zh", "en", "zh"]),
        ["meta: languages name zh more than once"],
    ),
    # Each item lacks its text; the list is not also "too short" (its items are there).
    "every item of a list lacks one language": (
        _calls_without("en"),
        [f"home.calls[{index}].en: field required" for index in range(4)],
    ),
    # One bad code is one problem, the cause, whether or not the texts use it.
    "a language code with a region, texts written in it": (
        _rename_language("en", "ar-EG"),
        [
            "meta.languages[1]: 'ar-EG' names a region too; the kiosk takes two-letter ISO 639-1 "
            "codes: write 'ar'"
        ],
    ),
    "a language code with a region, no texts in it": (
        _set("meta", "languages", value=["zh", "en", "ar-EG"]),
        [
            "meta.languages[2]: 'ar-EG' names a region too; the kiosk takes two-letter ISO 639-1 "
            "codes: write 'ar'"
        ],
    ),
    "a bad code that is also the default language": (
        _also(_rename_language("zh", "zh_CN"), _set("meta", "default_language", value="zh_CN")),
        [
            "meta.languages[0]: 'zh_CN' names a region too; the kiosk takes two-letter ISO 639-1 "
            "codes: write 'zh'"
        ],
    ),
    "a language code in capitals": (
        _rename_language("en", "EN"),
        ["meta.languages[1]: 'EN' is in capitals; the kiosk takes two-letter ISO 639-1 codes: write 'en'"],
    ),
    "a text keyed by something that is no language": (
        _set("home", "title", "english", value="Zhongguancun"),
        [
            "home.title: 'english' is not a two-letter ISO 639-1 language code in lower case, "
            "e.g. 'zh', 'de', 'ar'"
        ],
    ),
    # The schema's words, never its regex.
    "an absolute asset path": (
        _set("visions", 0, "icon", value="/etc/x.svg"),
        ["visions[0].icon: '/etc/x.svg' is an absolute path; give a path under assets/"],
    ),
    "a Windows asset path": (
        _set("tours", 0, "diagram", value="tours\\daxing.svg"),
        [
            "tours[0].diagram: 'tours\\\\daxing.svg' has a '\\'; "
            + "give a path under assets/ with '/' between folders"
        ],
    ),
    "an id with capitals and a space": (
        _set("visions", 0, "id", value="Green Park"),
        ["visions[0].id: 'Green Park' is not a lower-case id: a-z, 0-9 and '-', up to 48 characters"],
    ),
    "a colour by name": (
        _set("visions", 0, "color", value="green"),
        ["visions[0].color: 'green' is not a colour written #RRGGBB, e.g. '#2E7D32'"],
    ),
    # A colour follows its vision: a misspelt one is named, with the ids to choose from.
    "a tour of a vision the content does not have": (
        _set("tours", 0, "vision", value="greem"),
        ["tours[0].vision: no vision has id 'greem'; the visions are innovative, green, smart, people, open"],
    ),
    "a voice of a vision the content does not have": (
        _set("voices", 2, "vision", value="robots"),
        [
            "voices[2].vision: no vision has id 'robots'; "
            + "the visions are innovative, green, smart, people, open"
        ],
    ),
    "a figure group of a vision the content does not have": (
        _set("figure_groups", 1, "vision", value="blue"),
        [
            "figure_groups[1].vision: no vision has id 'blue'; "
            + "the visions are innovative, green, smart, people, open"
        ],
    ),
    "too many languages": (
        _set("meta", "languages", value=["zh", "en", "de", "ar", "fr"]),
        ["meta.languages: list should have at most 4 items, not 5"],
    ),
    "an empty list": (
        _set("home", "calls", value=[]),
        ["home.calls: list should have at least 1 item, not 0"],
    ),
    "interface text for a language the content does not have": (
        _set("ui_strings", value={"fr": {"home": "Accueil"}}),
        ["ui_strings.fr: 'fr' is not one of meta.languages (zh, en)"],
    ),
}


@pytest.mark.parametrize("case", sorted(MESSAGES))
def test_message(content_dict: dict[str, Any], case: str) -> None:
    edit, expected = MESSAGES[case]
    assert _problems(content_dict, edit) == expected


def test_the_language_problem_comes_before_the_others(content_dict: dict[str, Any]) -> None:
    problems = _problems(
        content_dict, _also(_set("visions", 0, "color", value="green"), _rename_language("en", "en-GB"))
    )
    assert problems == [
        "meta.languages[1]: 'en-GB' names a region too; the kiosk takes two-letter ISO 639-1 "
        "codes: write 'en'",
        "visions[0].color: 'green' is not a colour written #RRGGBB, e.g. '#2E7D32'",
    ]
