"""The interface text: gettext catalogs for zh, en, de and ar, plural rules, a content file's own
strings, and where a missing string comes from."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from kiosk.content import Content, ContentError
from kiosk.content.loader import parse_content
from kiosk.i18n import strings
from kiosk.i18n.strings import (
    LOCALE_DIR,
    PLURAL_COUNTS,
    content_string_problems,
    error_languages,
    language_name,
    native_language_name,
    placeholders,
    shipped_languages,
    ui_keys,
    ui_text,
    use_content,
)

CONTENT = Path(__file__).parents[2] / "data" / "content.json"


@pytest.fixture(autouse=True)
def _no_content_strings() -> Iterator[None]:
    use_content(None)
    yield
    use_content(None)


def _content(languages: list[str], default: str, ui_strings: dict[str, Any] | None = None) -> Content:
    """The bundled exhibition, re-labelled into `languages` (its texts copied from English)."""
    data = json.loads(CONTENT.read_text(encoding="utf-8"))

    def relabel(node: Any) -> Any:
        if isinstance(node, dict):
            if set(node) == {"zh", "en"}:
                return dict.fromkeys(languages, node["en"])
            return {key: relabel(value) for key, value in node.items()}
        if isinstance(node, list):
            return [relabel(value) for value in node]
        return node

    data = relabel(data)
    data["meta"]["languages"] = languages
    data["meta"]["default_language"] = default
    if ui_strings is not None:
        data["ui_strings"] = ui_strings
    return parse_content(json.dumps(data))


def _key(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _forms(string: str | tuple[str, ...]) -> list[str]:
    return [string] if isinstance(string, str) else list(string)


def test_the_kiosk_ships_four_languages() -> None:
    assert shipped_languages() == ("ar", "de", "en", "zh")


@pytest.mark.parametrize("lang", ["zh", "en", "de", "ar"])
def test_every_catalog_has_every_string_with_the_same_placeholders(lang: str) -> None:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
        catalog = read_po(file)
    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
        source = read_po(file)
    entries = {
        message.id if isinstance(message.id, str) else message.id[0]: message
        for message in catalog
        if message.id
    }
    assert sorted(entries) == sorted(ui_keys())
    for message in source:
        if not message.id:
            continue
        key = _key(message.id)
        translated = entries[key].string
        forms = _forms(translated)
        assert all(forms), f"{lang}: {key} is empty"
        wanted = set().union(
            *(
                placeholders(s)
                for s in ([message.string] if isinstance(message.string, str) else message.string)
            )
        )
        for form in forms:
            # A form may leave out the count ("محطة واحدة": one stop), never add a name.
            assert placeholders(form) <= wanted, f"{lang}: {key}: {form}"
        assert (key in PLURAL_COUNTS) == (not isinstance(translated, str)), f"{lang}: {key}"


@pytest.mark.parametrize("lang", ["zh", "en", "de", "ar"])
def test_compiled_catalogs_match_their_sources(lang: str) -> None:
    """The shipped .mo is the .po compiled (`pybabel compile -d kiosk/i18n/locale -D kiosk`)."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    with (folder / "kiosk.po").open("rb") as file:
        source = read_po(file)
    with (folder / "kiosk.mo").open("rb") as file:
        shipped = read_mo(file)

    def entries(catalog: Catalog) -> dict[object, object]:
        return {
            message.id if isinstance(message.id, str) else tuple(message.id): (
                message.string if isinstance(message.string, str) else tuple(message.string)
            )
            for message in catalog
            if message.id
        }

    assert entries(shipped) == entries(source), "re-run pybabel compile -d kiosk/i18n/locale -D kiosk"
    assert shipped.plural_forms == source.plural_forms


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("en", {1: "1 stop", 2: "2 stops", 0: "0 stops"}),
        ("de", {1: "1 Station", 6: "6 Stationen"}),
        ("zh", {1: "共1站", 6: "共6站"}),
        ("ar", {1: "محطة واحدة", 2: "محطتان", 6: "6 محطات", 11: "11 محطة", 100: "100 محطة"}),
    ],
)
def test_counts_follow_the_languages_plural_rules(lang: str, counts: dict[int, str]) -> None:
    for n, expected in counts.items():
        assert ui_text("tour-hint", lang, n=n) == expected


def test_operator_counts_are_never_1_tours() -> None:
    assert ui_text("count-tours", "en", n=1) == "1 tour"
    assert ui_text("count-views", "en", n=1) == "1 view"
    assert ui_text("count-views", "en", n=3) == "3 views"


def test_arabic_interface_text_is_arabic() -> None:
    assert ui_text("idle-extend", "ar") == "وقت إضافي"
    assert ui_text("stop", "ar", n=2, total=6) == "المحطة 2 من 6"
    assert ui_text("idle-extend", "de") == "Mehr Zeit"


def test_languages_are_named_in_their_own_words() -> None:
    names = [native_language_name(lang) for lang in ("zh", "en", "de", "ar", "fr", "pl")]
    assert names == ["中文", "English", "Deutsch", "العربية", "Français", "Polski"]
    assert [language_name(lang) for lang in ("zh", "en", "de")] == ["中文", "EN", "DE"]


def test_content_supplies_a_language_the_kiosk_lacks() -> None:
    content = _content(
        ["fr", "de"],
        "de",
        {"fr": {"home": "Accueil", "tour-hint": {"one": "{n} étape", "other": "{n} étapes"}}},
    )
    use_content(content)
    assert ui_text("home", "fr") == "Accueil"
    assert ui_text("tour-hint", "fr", n=1) == "1 étape"
    assert ui_text("tour-hint", "fr", n=0) == "0 étape"  # CLDR: French counts 0 as one
    assert ui_text("tour-hint", "fr", n=4) == "4 étapes"
    # What French lacks comes from the content's default language, German: not English.
    assert ui_text("back", "fr") == "Zurück"
    assert ui_text("idle-extend", "fr") == "Mehr Zeit"
    assert content_string_problems(content) == []


def test_content_overrides_a_shipped_string() -> None:
    use_content(_content(["de", "en"], "de", {"de": {"home": "Übersicht"}}))
    assert ui_text("home", "de") == "Übersicht"
    assert ui_text("home", "en") == "Home"


def test_a_default_language_without_interface_text_is_reported() -> None:
    content = _content(["fr", "en"], "fr", {"fr": {"home": "Accueil"}})
    (problem,) = content_string_problems(content)
    assert problem.path == "ui_strings.fr"
    found = re.match(
        r"the kiosk has no interface text in 'fr' \(the default language\): give these (\d+) strings "
        r"here: (back, .*)$",
        problem.message,
    )
    assert found is not None, problem.message
    named = found.group(2).split(", ")
    assert int(found.group(1)) == len(named)
    assert "home" not in named  # the one the content gives
    assert set(named) < set(strings.ui_keys())


def test_unknown_keys_and_placeholders_in_content_strings_are_reported() -> None:
    content = _content(["de", "en"], "de", {"de": {"hom": "Start", "stop": "Halt {n} von {count}"}})
    assert [str(p) for p in content_string_problems(content)] == [
        "ui_strings.de.hom: no UI string is called 'hom'",
        "ui_strings.de.stop: {count} is not filled in here (this string has {n}, {total})",
    ]


def test_content_strings_are_only_for_the_contents_languages() -> None:
    data = json.loads(CONTENT.read_text(encoding="utf-8"))
    data["ui_strings"] = {"fr": {"home": "Accueil"}}
    with pytest.raises(ContentError) as raised:
        parse_content(json.dumps(data))
    assert [str(p) for p in raised.value.problems] == [
        "ui_strings.fr: 'fr' is not one of meta.languages (zh, en)"
    ]


def test_no_content_means_the_source_catalog() -> None:
    assert strings._active.default_language == "en"
    assert ui_text("home", "fr") == "Home"


def test_error_screen_languages() -> None:
    assert error_languages(("de", "ar")) == ("de", "ar")
    assert error_languages(("fr", "de")) == ("de",)  # no French text without the content's own
    assert error_languages((), {"LANG": "ar_EG.UTF-8"}) == ("ar", "en")
    assert error_languages((), {"LC_ALL": "C.UTF-8", "LANG": "C"}) == ("en",)
    assert error_languages((), {"LANG": "pl_PL.UTF-8"}) == ("en",)
    assert error_languages(("pl",)) == ("en",)


def test_the_translators_template_has_every_string() -> None:
    """kiosk.pot, where a new language starts, lists every key with its English."""
    with (LOCALE_DIR / "kiosk.pot").open("rb") as file:
        template = read_po(file)
    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
        source = read_po(file)
    assert [_key(m.id) for m in template if m.id] == list(ui_keys())
    english = {_key(m.id): _forms(m.string)[-1] for m in source if m.id}
    comments = {_key(m.id): " ".join(m.auto_comments) for m in template if m.id}
    assert comments == {key: f"English: {text}" for key, text in english.items()}
