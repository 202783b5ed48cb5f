"""Numbers as people read them, with the report's approximation signs, in both languages."""

from __future__ import annotations

import pytest

from kiosk.content import LoadedContent
from kiosk.i18n.numbers import format_figure

EXPECTED = {
    "rd-investment": ("4785亿元", "CNY 478.5 billion"),
    "tech-contracts": ("6465亿元", "CNY 646.5 billion"),
    "total-revenue": ("近10万亿元", "nearly CNY 10 trillion"),
    "new-companies-per-day": ("近130家", "nearly 130"),
    "foreign-employees": ("超过1万人", "over 10,000"),
    "land-share": ("不到3%", "under 3%"),
    "gdp-share": ("约三分之一", "about one third"),
    "high-tech-zone-share": ("约六分之一", "about one sixth"),
    "patents": ("174.7件", "174.7"),
    "truck-range": ("超过1000公里", "over 1,000 km"),
    "funding-obstacle": ("68%", "68%"),
    "listed-companies": ("532家", "532"),
    "multinational-rd-centres": ("近300家", "nearly 300"),
    "partner-institutions": ("400多个", "over 400"),
    "guest-countries": ("20多个", "over 20"),
    "international-guests": ("百余位", "over 100"),
}


@pytest.mark.parametrize("figure_id", sorted(EXPECTED))
def test_formatting(bundled: LoadedContent, figure_id: str) -> None:
    figure = bundled.content.figure(figure_id)
    zh, en = EXPECTED[figure_id]
    assert format_figure(figure, "zh").text == zh
    assert format_figure(figure, "en").text == en


def test_fractions_set_large_as_numerals(bundled: LoadedContent) -> None:
    figure = bundled.content.figure("gdp-share")
    assert format_figure(figure, "zh").number == "1/3"
    assert format_figure(figure, "en").number == "1/3"


def test_count_up_frames_keep_the_unit(bundled: LoadedContent) -> None:
    figure = bundled.content.figure("rd-investment")
    assert format_figure(figure, "zh", 1200).text == "1200亿元"
    assert format_figure(figure, "en", 1200).text == "CNY 120.0 billion"  # the final decimals throughout


def test_german_writes_numbers_the_german_way(bundled: LoadedContent) -> None:
    assert format_figure(bundled.content.figure("rd-investment"), "de").text == "478,5 Mrd. CNY"
    assert format_figure(bundled.content.figure("foreign-employees"), "de").text == "über 10.000"
    assert format_figure(bundled.content.figure("gdp-share"), "de").text == "etwa ein Drittel"
    assert format_figure(bundled.content.figure("patents"), "de").text == "174,7"


def test_a_round_number_and_more_counts_up_in_digits(bundled: LoadedContent) -> None:
    """百余位 is the final value; on the way up the card counts 37多位, never 37余位 or 百."""
    guests = bundled.content.figure("international-guests")
    assert format_figure(guests, "zh", 37).text == "37多位"
    assert format_figure(guests, "de").text == "über 100"
    institutions = bundled.content.figure("partner-institutions")
    shown = format_figure(institutions, "zh")
    assert (shown.approx, shown.number, shown.suffix) == ("", "400", "多个")
