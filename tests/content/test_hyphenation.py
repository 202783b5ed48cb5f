"""Long words break at a syllable, with a hyphen, only where they do not fit their line."""

from __future__ import annotations

import pytest

from kiosk.i18n.hyphenation import (
    HYPHEN,
    SOFT_HYPHEN,
    has_dictionary,
    shown_line,
    syllable_breaks,
    with_soft_hyphens,
    without_soft_hyphens,
)

COMPOUND = "Forschungsinfrastrukturförderprogramm"


def _pieces(word: str, lang: str) -> list[str]:
    breaks = syllable_breaks(word, lang)
    return [word[a:b] for a, b in zip((0, *breaks), (*breaks, len(word)), strict=True)]


def test_a_german_compound_breaks_between_its_syllables() -> None:
    pieces = _pieces(COMPOUND, "de")
    assert "".join(pieces) == COMPOUND
    assert len(pieces) >= 6
    # Between the words the compound is made of ...
    assert "Forschungs" in {"".join(pieces[:i]) for i in range(len(pieces))}
    # ... and never a lone letter ("Infra-s-truktur" is in the dictionary, not in a reader's eye).
    assert min(len(piece) for piece in pieces) >= 2


def test_only_words_that_do_not_fit_get_soft_hyphens() -> None:
    text = "Das neue Forschungsinfrastrukturförderprogramm beginnt"
    hyphenated = with_soft_hyphens(text, "de", lambda word: len(word) <= 20)
    assert without_soft_hyphens(hyphenated) == text
    assert hyphenated.startswith("Das neue For")
    assert hyphenated.endswith(" beginnt")
    assert hyphenated.count(SOFT_HYPHEN) == len(syllable_breaks(COMPOUND, "de"))
    assert with_soft_hyphens(text, "de", lambda word: True) == text


def test_numbers_are_never_hyphenated() -> None:
    text = "12345678901234567890 Einrichtungen"
    assert with_soft_hyphens(text, "de", lambda word: False).split(" ")[0] == "12345678901234567890"


@pytest.mark.parametrize("lang", ["en", "en-GB", "de", "fr"])
def test_languages_with_a_dictionary(lang: str) -> None:
    assert has_dictionary(lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "المديرة العامة للبنية التحتية البحثية"),
        ("zh", "中关村科学城科技园区"),
        ("ja", "テクノロジーパーク"),
    ],
)
def test_a_language_without_a_dictionary_is_left_as_it_is(lang: str, text: str) -> None:
    assert not has_dictionary(lang)
    assert with_soft_hyphens(text, lang, lambda word: False) == text


def test_a_line_ending_at_a_soft_hyphen_shows_a_hyphen_and_no_other() -> None:
    assert shown_line(f"Das For{SOFT_HYPHEN}schungs{SOFT_HYPHEN}") == f"Das Forschungs{HYPHEN}"
    assert shown_line(f"in{SOFT_HYPHEN}fra{SOFT_HYPHEN}struk{SOFT_HYPHEN}tur beginnt ") == (
        "infrastruktur beginnt "
    )
    assert shown_line("Werkhalle, ohne Umwege") == "Werkhalle, ohne Umwege"
