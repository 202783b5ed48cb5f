"""Numbers as people read them, through CLDR: digits, separators, units, years and approximation words."""

from __future__ import annotations

import dataclasses
import re

import pytest

from kiosk.content import Figure, LoadedContent, LocalText
from kiosk.i18n.numbers import count_up_frame, counts_up, format_figure

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
    assert format_figure(bundled.content.figure("rd-investment"), "de").text == "478,5 Milliarden CNY"
    assert format_figure(bundled.content.figure("foreign-employees"), "de").text == "über 10.000"
    assert format_figure(bundled.content.figure("gdp-share"), "de").text == "etwa ein Drittel"
    assert format_figure(bundled.content.figure("patents"), "de").text == "174,7"


def _as(figure: Figure, **changes: object) -> Figure:
    return dataclasses.replace(figure, **changes)  # type: ignore[arg-type]


def test_a_year_is_never_grouped_and_never_counts_up(bundled: LoadedContent) -> None:
    founded = _as(bundled.content.figure("patents"), unit="year", value=1959.0, approx=None, measure=None)
    shown = {lang: format_figure(founded, lang).text for lang in ("zh", "en", "de", "fr", "ar", "ko")}
    assert shown == {"zh": "1959年", "en": "1959", "de": "1959", "fr": "1959", "ar": "1959", "ko": "1959년"}
    assert format_figure(founded, "en", 12.0).text == "1959"  # a count-up frame shows the year itself


def test_areas_in_each_languages_units(bundled: LoadedContent) -> None:
    area = _as(bundled.content.figure("patents"), unit="km2", value=12.5, approx=None, measure=None)
    assert [format_figure(area, lang).text for lang in ("zh", "en", "de", "ar")] == [
        "12.5平方公里",
        "12.5 km²",
        "12,5 km²",
        "12.5 كم²",
    ]
    hectares = _as(area, unit="ha", value=2300.0)
    assert format_figure(hectares, "de").text == "2.300 ha"
    assert format_figure(hectares, "fr").text == "2\u202f300\u202fha"


def test_a_length_of_time_in_words_and_chinese_with_its_measure(bundled: LoadedContent) -> None:
    """'3' alone beside "tech unicorns that grow fast" read as three unicorns: the report says
    within three years (三年内)."""
    years = bundled.content.figure("shallow-water-years")
    assert [format_figure(years, lang).text for lang in ("zh", "en", "de", "ar")] == [
        "3年内",
        "3 years",
        "3 Jahre",
        "3 سنوات",
    ]
    # No measure: Chinese as CLDR writes it; Arabic's one year is a word with no digit.
    one = _as(years, value=1.0, measure=None)
    assert format_figure(one, "zh").text == "1年"
    assert format_figure(one, "ar").words == "سنة"


def test_french_content_gets_french_number_words(bundled: LoadedContent) -> None:
    revenue = bundled.content.figure("total-revenue")  # nearly 10 万亿元
    assert format_figure(revenue, "fr").number == "10"
    assert format_figure(revenue, "fr").tail == " billions CNY"  # a French billion is 10^12
    # French has no approximation words of the kiosk's own: a sign, never "nearly".
    assert format_figure(revenue, "fr").text == "≈10 billions CNY"
    assert format_figure(bundled.content.figure("foreign-employees"), "fr").text == ">10\u202f000"


def test_arabic_figures(bundled: LoadedContent) -> None:
    assert format_figure(bundled.content.figure("total-revenue"), "ar").text == "قرابة 10 ترليون CNY"
    assert format_figure(bundled.content.figure("foreign-employees"), "ar").text == "أكثر من 10,000"
    assert format_figure(bundled.content.figure("gdp-share"), "ar").text == "نحو ثلث"


def test_a_language_writing_its_own_digits(bundled: LoadedContent) -> None:
    """Persian (CLDR: Extended Arabic-Indic digits) gets its digits and separators."""
    assert format_figure(bundled.content.figure("patents"), "fa").number == "۱۷۴٫۷"


def test_measure_words_where_the_language_counts_with_them(bundled: LoadedContent) -> None:
    listed = bundled.content.figure("listed-companies")
    counted = _as(listed, measure=LocalText({"zh": "家", "en": "companies", "ja": "社"}))
    assert format_figure(counted, "zh").text == "532家"
    assert format_figure(counted, "ja").text == "532社"
    assert format_figure(counted, "en").text == "532"  # the label says what is counted


def test_the_number_is_set_apart_from_its_words(bundled: LoadedContent) -> None:
    assert format_figure(bundled.content.figure("total-revenue"), "en").runs == [
        ("nearly CNY ", False),
        ("10", True),
        (" trillion", False),
    ]
    assert format_figure(bundled.content.figure("total-revenue"), "zh").runs == [
        ("近", False),
        ("10", True),
        ("万亿元", False),
    ]
    assert format_figure(bundled.content.figure("land-share"), "de").runs == [
        ("unter ", False),
        ("3", True),
        ("\u00a0%", False),
    ]


def test_large_counts_in_the_words_for_their_size(bundled: LoadedContent) -> None:
    visitors = _as(bundled.content.figure("listed-companies"), value=12_500_000.0, approx="over")
    assert format_figure(visitors, "en").text == "over 12.5 million"
    assert format_figure(visitors, "de").text == "über 12,5 Millionen"
    assert format_figure(visitors, "ar").text == "أكثر من 12.5 مليون"
    assert format_figure(visitors, "zh").text == "超过1250万家"
    assert format_figure(visitors, "en", 3_000_000).text == "over 3.0 million"  # a count-up frame
    # A count its size's words cannot say exactly stays whole.
    assert format_figure(_as(visitors, value=12_345_678.0), "en").text == "over 12,345,678"


def test_a_round_number_and_more_counts_up_in_bare_digits(bundled: LoadedContent) -> None:
    """百余位 is the final value; on the way up the card counts 37, never 37多位 (37 and more)."""
    guests = bundled.content.figure("international-guests")
    assert count_up_frame(guests, "zh", 37).text == "37"
    assert count_up_frame(guests, "zh", None).text == "百余位"
    assert format_figure(guests, "de").text == "über 100"
    institutions = bundled.content.figure("partner-institutions")
    shown = format_figure(institutions, "zh")
    assert (shown.lead, shown.number, shown.tail) == ("", "400", "多个")


_BARE_NUMBER = re.compile(r"^\d[\d.,]*$")


@pytest.mark.parametrize("lang", ["zh", "en", "de", "ar"])
def test_no_count_up_frame_states_a_false_figure(bundled: LoadedContent, lang: str) -> None:
    """Every frame of every count-up is the figure itself or bare digits no larger than it:
    never "under 1%" on the way to "under 3%", "nearly CNY 7 trillion", "CNY 0"."""
    for figure in bundled.content.figures:
        final = format_figure(figure, lang).text
        for step in range(101):
            value = figure.value * step / 100
            frame = count_up_frame(figure, lang, value if step < 100 else None).text
            if frame == final:
                continue
            assert counts_up(figure), (figure.id, frame)
            assert _BARE_NUMBER.match(frame), (figure.id, value, frame)
            assert frame == format_figure(figure, lang, value).number


def test_a_count_up_keeps_the_final_decimals_and_size(bundled: LoadedContent) -> None:
    revenue = bundled.content.figure("total-revenue")  # nearly 10 万亿元
    assert count_up_frame(revenue, "en", 7).text == "7"
    assert count_up_frame(revenue, "zh", 7).text == "7"
    assert count_up_frame(revenue, "en", None).text == "nearly CNY 10 trillion"
    land = bundled.content.figure("land-share")  # under 3%
    assert [count_up_frame(land, "en", v).text for v in (0, 1.4, 3)] == ["0", "1", "under 3%"]
    investment = bundled.content.figure("rd-investment")
    assert count_up_frame(investment, "en", 0).text == "0.0"  # never "CNY 0"
    assert count_up_frame(investment, "en", 1200).text == "120.0"
    share = bundled.content.figure("gdp-share")  # a fraction never counts: "about one third" throughout
    assert count_up_frame(share, "en", 0.2).text == "about one third"
