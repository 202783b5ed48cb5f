"""Every number on screen in the digits CLDR gives the language: Arabic content writes 0-9 (CLDR's
default for `ar`), Persian ۰-۹, Bengali ০-৯; figures, count-ups, years and UI strings alike."""

from __future__ import annotations

from dataclasses import replace

import pytest
from babel import Locale, localedata

from kiosk.content import LoadedContent
from kiosk.i18n.digits import NATIVE_DIGITS, whole_number
from kiosk.i18n.numbers import count_up_frame, format_figure
from kiosk.i18n.strings import ui_text

LATIN = set("0123456789")


def _cldr_digits(lang: str) -> set[str]:
    """The ten digits of `lang`'s default numbering system, as CLDR lists them."""
    system = Locale.parse(lang).default_numbering_system
    if system == "latn":
        return LATIN
    zero = {"arab": "٠", "arabext": "۰", "beng": "০", "deva": "०", "mymr": "၀", "tibt": "༠"}[system]
    return {chr(ord(zero) + i) for i in range(10)}


def _digits_in(text: str) -> set[str]:
    return {char for char in text if char.isdigit()}


def test_the_table_of_own_digits_is_cldrs() -> None:
    """Every two-letter language Babel's CLDR knows: its default digits are 0-9 or in the table."""
    own = {}
    for ident in localedata.locale_identifiers():
        if len(ident) == 2:
            system = Locale.parse(ident).default_numbering_system
            if system != "latn":
                own[ident] = system
    assert own == NATIVE_DIGITS


def test_arabic_writes_the_digits_cldr_gives_it() -> None:
    assert Locale.parse("ar").default_numbering_system == "latn"  # the decision, from CLDR
    assert whole_number(15, "ar") == "15"
    assert whole_number(15, "fa") == "۱۵"
    assert whole_number(2025, "bn") == "২০২৫"
    assert whole_number(1959, "en") == "1959"  # never grouped


@pytest.mark.parametrize("lang", ["ar", "fa", "bn", "de", "zh"])
def test_figures_and_their_count_ups_in_the_languages_digits(bundled: LoadedContent, lang: str) -> None:
    content = bundled.content
    for figure in content.figures:
        final = format_figure(figure, lang)
        assert _digits_in(final.text) <= _cldr_digits(lang), (figure.id, final.text)
        halfway = count_up_frame(figure, lang, figure.value / 2)
        assert _digits_in(halfway.text) <= _cldr_digits(lang), (figure.id, halfway.text)
    founded = replace(content.figure("patents"), unit="year", value=1959.0, approx=None, measure=None)
    assert format_figure(founded, lang).text.strip("年") in ("1959", "۱۹۵۹", "১৯৫৯")


@pytest.mark.parametrize(("lang", "shown"), [("ar", "3"), ("fa", "۳"), ("en", "3")])
def test_page_positions_in_ui_strings_take_the_languages_digits(lang: str, shown: str) -> None:
    """A language without a catalog of its own falls back to other words, never other digits."""
    text = ui_text("stop", lang, n=3, total=16)
    assert shown in text
    assert _digits_in(text) <= _cldr_digits(lang)
