"""Figures written as people read them: "4,785亿元" / "CNY 478.5 billion" / "478,5 Milliarden CNY".

Digits, separators, percent signs, compact large numbers ("billion", "Milliarden", "milliards"),
units and years come from CLDR through Babel, so any language the content speaks gets its own
conventions. Babel is imported when the first figure is formatted, not at start-up.

Digits are the language's own, as CLDR's default numbering system for it says: Persian ۱۵,
Bengali ১৫. Arabic content (`ar`) writes 0-9: CLDR's default for Arabic as a language is `latn`;
Arabic-Indic digits (٠-٩) are the default only for some regions (ar-EG, ar-SA, ...), which a
content's two-letter language code does not name. Every number on screen takes these digits:
figures and their count-ups, years, fractions, and whole numbers in UI strings (page positions,
counts, seconds: `digits.whole_number`).

Chinese keeps the report's own style, which CLDR does not write: numbers without a thousands
separator ("4785亿元"), 万 for round ten-thousands ("1万人"), measure words ("家"), and "a round
number and more" after the number (60多个; 100 as 百余).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from kiosk.content.model import Figure
from kiosk.i18n.digits import in_digits
from kiosk.i18n.strings import has_text, ui_text

if TYPE_CHECKING:
    from babel import Locale

# Languages that count with measure words ("532家", "532社", "532개"): `measure` follows the
# number there; elsewhere the figure's label says what is counted.
MEASURE_LANGUAGES = frozenset({"zh", "ja", "ko", "vi", "th", "lo", "km", "my"})
# Chinese writes "a round number and more" after the number: 60多个, and 100 as 百余 (百余位).
_ZH_PLUS = "多"
_ZH_HUNDRED_PLUS = ("百", "余")
# A language with no words of its own for the report's approximations gets signs, never
# another language's words.
_APPROX_SIGNS = {"nearly": "≈", "about": "≈", "over": ">", "under": "<"}
# A count this large that a language's words for its size say exactly is written with them:
# "12.5 million", "12,5 Millionen" (a smaller one, "12,500", reads well as it is).
COMPACT_FROM = 1_000_000
_CLDR_UNITS = {
    "km": "length-kilometer",
    "km2": "area-square-kilometer",
    "ha": "area-hectare",
    "m2": "area-square-meter",
    "years": "duration-year",
}
# A length of time reads in words ("3 years", not "3 yrs"); distances and areas in symbols.
_LONG_UNITS = {"years"}
_ZH_SUFFIXES = {"yi_cny": "亿元", "wanyi_cny": "万亿元", "percent": "%", "km": "公里"}
_ZH_DIGITS = "零一二三四五六七八九十"
_FRACTION_WORDS: dict[str, tuple[dict[int, str], dict[int, str]]] = {
    "en": (
        {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"},
        {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 8: "eighth", 10: "tenth"},
    ),
    "de": (
        {1: "ein", 2: "zwei", 3: "drei"},
        {3: "Drittel", 4: "Viertel", 5: "Fünftel", 6: "Sechstel", 10: "Zehntel"},
    ),
    "ar": ({1: ""}, {2: "نصف", 3: "ثلث", 4: "ربع", 5: "خمس", 6: "سدس", 8: "ثمن", 10: "عشر"}),
}


@dataclass(frozen=True)
class FormattedFigure:
    """A figure split for typesetting: small words before, the big number, small words after.
    `lead` and `tail` carry their own spacing, as the language writes it."""

    lead: str  # "nearly CNY ", "近", "über "
    number: str  # the part that is set large and counts up
    tail: str  # " billion", "亿元", " %", " km", "家"
    lang: str
    words: str = ""  # the number as a sentence says it, where that differs: "三分之一" for "1/3"

    @property
    def text(self) -> str:
        """The figure as one phrase, the way the report's sentences write it."""
        return f"{self.lead}{self.words or self.number}{self.tail}"

    @property
    def runs(self) -> list[tuple[str, bool]]:
        """(text, is_the_number) in reading order, for setting the number large."""
        return [
            (text, big) for text, big in ((self.lead, False), (self.number, True), (self.tail, False)) if text
        ]


@cache
def _locale(lang: str) -> Locale:
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 (about 20 ms: on first use)

    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def load_cldr(languages: tuple[str, ...] = ()) -> None:
    """Import Babel and read CLDR's data for `languages` ahead of the first figure (about 80 ms,
    for a worker thread after the first frame rather than a visitor's first figure page)."""
    import babel.dates  # noqa: PLC0415
    import babel.numbers  # noqa: PLC0415
    import babel.units  # noqa: F401, PLC0415

    for lang in languages or ("en",):
        _locale(lang).compact_decimal_formats  # noqa: B018 (reads the locale's data file)


def _digits(text: str, locale: Locale) -> str:
    return in_digits(text, locale.default_numbering_system)


def decimals_of(value: float) -> int:
    """How many decimals the report wrote: 174.7 -> 1, 4785 -> 0."""
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def _pattern(decimals: int, grouped: bool = True) -> str:
    return ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")


def format_number(value: float, decimals: int, lang: str = "en", grouped: bool = True) -> str:
    """`value` with `decimals` places, grouped as `lang` writes it: "1,234.5", "1.234,5", "1 234,5"."""
    from babel.numbers import format_decimal  # noqa: PLC0415

    locale = _locale(lang)
    text = format_decimal(
        value, _pattern(decimals, grouped), locale=locale, numbering_system="default", group_separator=grouped
    )
    return _digits(text, locale)


def _split(phrase: str, number: str) -> tuple[str, str]:
    """The text around `number` in a phrase that contains it once."""
    before, _, after = phrase.partition(number)
    return before, after


def _approximate(figure: Figure, lang: str, lead: str, number: str, tail: str) -> tuple[str, str]:
    """`lead` and `tail` with the figure's approximation word, placed as `lang` places it."""
    if figure.approx is None or (figure.approx == "plus" and lang == "zh"):
        return lead, tail  # Chinese writes "and more" inside the figure: 60多个
    # "60 and more" is "over 60" where a language has no word of its own for it.
    approx = "over" if figure.approx == "plus" else figure.approx
    key = f"approx-{approx}"
    if not has_text(key, lang):
        return _APPROX_SIGNS[approx] + lead, tail
    before, after = _split(ui_text(key, lang, figure="\0"), "\0")
    return before + lead, tail + after


def format_figure(figure: Figure, lang: str, value: float | None = None) -> FormattedFigure:
    """`figure` in `lang`; `value` overrides the number, in the figure's unit and decimals (the
    digits of a count-up frame: `count_up_frame` decides what of it shows). Fractions and years
    do not count: "about 0/3" would say something the report does not."""
    shown = value if value is not None and counts_up(figure) else figure.value
    if lang == "zh":
        lead, number, tail, words = _format_zh(figure, shown)
    else:
        lead, number, tail, words = _format_cldr(figure, shown, lang)
    lead, tail = _approximate(figure, lang, lead, number, tail)
    return FormattedFigure(lead, number, tail, lang, words)


def counts_up(figure: Figure) -> bool:
    """Whether a figure counts up on screen: fractions and years are shown whole from the start."""
    return figure.unit not in ("fraction", "year")


def count_up_frame(figure: Figure, lang: str, value: float | None) -> FormattedFigure:
    """What a count-up shows at `value` on its way to the figure: the bare digits, and the
    whole figure (qualifier, currency, unit, measure word) only once it has arrived.

    A passing value with the figure's words would state something false: "under 1%" on the
    way to "under 3%", "nearly CNY 7 trillion" on the way to nearly 10, "CNY 0". Digits alone
    say nothing until the figure is complete. `value` None is the end.
    """
    if value is None or not counts_up(figure) or value >= figure.value:
        return format_figure(figure, lang)
    return FormattedFigure("", format_figure(figure, lang, value).number, "", lang)


Parts = tuple[str, str, str, str]  # lead, number, tail, words


def _format_zh(figure: Figure, shown: float) -> Parts:
    decimals = decimals_of(figure.value)
    measure = figure.measure["zh"] if figure.measure else ""
    plus = _ZH_PLUS if figure.approx == "plus" else ""
    if plus and shown == figure.value == 100:
        hundred, more = _ZH_HUNDRED_PLUS
        return "", hundred, more + measure, ""
    suffix = _ZH_SUFFIXES.get(figure.unit)
    if suffix is not None:
        return "", format_number(shown, decimals, "zh", grouped=False), plus + suffix, ""
    if figure.unit == "fraction" and figure.denominator:
        numerals = f"{int(shown)}/{figure.denominator}"
        return "", numerals, "", _zh_fraction(int(shown), figure.denominator)
    # A length of time with its own measure keeps it: 3年内 ("within three years").
    if figure.unit in ("year", *_CLDR_UNITS) and not (figure.unit in _LONG_UNITS and measure):
        return _format_cldr(figure, shown, "zh")
    if figure.value >= 10_000 and figure.value % 10_000 == 0:
        return "", format_number(shown / 10_000, decimals, "zh", grouped=False), f"万{plus}{measure}", ""
    return "", format_number(shown, decimals, "zh", grouped=False), plus + measure, ""


def _zh_fraction(numerator: int, denominator: int) -> str:
    def digits(n: int) -> str:
        return _ZH_DIGITS[n] if n <= 10 else str(n)

    return f"{digits(denominator)}分之{digits(numerator)}"


def _format_cldr(figure: Figure, shown: float, lang: str) -> Parts:
    locale = _locale(lang)
    decimals = decimals_of(figure.value)
    if figure.unit in ("yi_cny", "wanyi_cny"):
        scale = 1e8 if figure.unit == "yi_cny" else 1e12
        return _money(figure.value * scale, shown * scale, lang)
    if figure.unit == "year":
        return _year(int(figure.value), lang)
    if figure.unit == "percent":
        return _percent(shown, decimals, lang)
    if figure.unit in _CLDR_UNITS:
        return _unit(
            _CLDR_UNITS[figure.unit], shown, decimals, lang, "long" if figure.unit in _LONG_UNITS else "short"
        )
    if figure.unit == "fraction" and figure.denominator:
        numerals = _digits(f"{int(shown)}/{figure.denominator}", locale)
        return "", numerals, "", _fraction_words(int(shown), figure.denominator, lang)
    return _count(figure, shown, decimals, lang)


def _count(figure: Figure, shown: float, decimals: int, lang: str) -> Parts:
    measure = figure.measure.root.get(lang, "") if figure.measure and lang in MEASURE_LANGUAGES else ""
    if figure.value >= COMPACT_FROM and _compacts_exactly(figure.value, lang):
        lead, number, tail = _compact_parts(figure.value, shown, lang)
        return lead, number, tail + measure, ""
    return "", format_number(shown, decimals, lang), measure, ""


def _compacts_exactly(value: float, lang: str) -> bool:
    """Whether "12.5 million" says all of `value` (12,500,000), with at most two decimals."""
    divisor, magnitude = _compact(value, lang)
    return bool(magnitude) and decimals_of(value / divisor) <= 2


def _percent(shown: float, decimals: int, lang: str) -> Parts:
    """A percentage placed as CLDR's pattern places it ("68%", "68 %", "%68"), the figure's decimals kept."""
    locale = _locale(lang)
    pattern = locale.percent_formats[None].pattern.split(";")[0]
    symbols = locale.number_symbols.get(locale.default_numbering_system) or locale.number_symbols["latn"]
    phrase = re.sub(r"[#0,.]+", "\0", pattern, count=1).replace("%", symbols.get("percentSign", "%"))
    lead, tail = _split(phrase.replace("\u200e", "").replace("\u200f", ""), "\0")
    return lead, format_number(shown, decimals, lang), tail, ""


def _unit(
    unit: str, shown: float, decimals: int, lang: str, length: Literal["short", "long"] = "short"
) -> Parts:
    from babel.units import format_unit  # noqa: PLC0415

    locale = _locale(lang)
    number = format_number(shown, decimals, lang)
    phrase = _digits(
        format_unit(
            shown, unit, length=length, format=_pattern(decimals), locale=locale, numbering_system="default"
        ),
        locale,
    )
    if number not in phrase:
        return "", number, "", phrase  # a phrase with no digits: Arabic's "سنة" for one year
    lead, tail = _split(phrase, number)
    return lead, number, tail, ""


def _year(year: int, lang: str) -> Parts:
    """A calendar year as the language writes one: never grouped ("1959", "1959年")."""
    from babel.dates import format_skeleton  # noqa: PLC0415

    locale = _locale(lang)
    number = format_number(year, 0, lang, grouped=False)
    phrase = _digits(format_skeleton("y", datetime.date(year, 1, 1), locale=locale), locale)
    if number not in phrase:
        return "", number, "", ""
    lead, tail = _split(phrase, number)
    return lead, number, tail, ""


def _compact(final: float, lang: str) -> tuple[int, str]:
    """The magnitude CLDR writes `final` in ("billion": 10**9) and the pattern's zeros count."""
    locale = _locale(lang)
    formats = locale.compact_decimal_formats.get("long") or locale.compact_decimal_formats.get("short")
    if not formats:
        return 1, ""
    patterns = {int(m): pattern.pattern for m, pattern in formats.get("other", {}).items()}
    for magnitude in sorted(patterns, reverse=True):
        if final >= magnitude and patterns[magnitude] != "0":
            zeros = patterns[magnitude].count("0")
            return magnitude // 10 ** (zeros - 1), str(magnitude)
    return 1, ""


def _compact_parts(final: float, shown: float, lang: str) -> tuple[str, str, str]:
    """(lead, number, tail) of a large number in the words of `lang` for its size ("478.5
    billion", "478,5 Milliarden"). Every count-up frame keeps the final value's size and
    decimals: "120.0 billion", never "120,000,000,000" or "47.85234"."""
    locale = _locale(lang)
    divisor, magnitude = _compact(final, lang)
    places = decimals_of(round(final / divisor, 3))
    scaled = shown / divisor
    number = format_number(scaled, places, lang)
    if not magnitude:
        return "", number, ""
    formats = locale.compact_decimal_formats.get("long") or locale.compact_decimal_formats["short"]
    form = locale.plural_form(scaled if places else round(scaled))
    pattern = (formats.get(form) or formats["other"])[magnitude].pattern
    lead, tail = _split(re.sub(r"0+", "\0", pattern, count=1).replace("'", ""), "\0")
    return lead, number, tail


def _money(final_yuan: float, shown_yuan: float, lang: str) -> Parts:
    """An amount in yuan in the words of `lang` for its size, the currency placed where the
    language places it: "CNY 478.5 billion", "478,5 Milliarden CNY"."""
    locale = _locale(lang)
    lead, number, tail = _compact_parts(final_yuan, shown_yuan, lang)
    currency = locale.currency_formats["standard"].pattern.split(";")[0].replace("\u200f", "")
    if currency.lstrip().startswith("¤"):
        return f"CNY {lead}", number, tail, ""
    return lead, number, f"{tail} CNY" if tail else " CNY", ""


def _fraction_words(numerator: int, denominator: int, lang: str) -> str:
    cardinals, ordinals = _FRACTION_WORDS.get(lang, ({}, {}))
    if numerator not in cardinals or denominator not in ordinals:
        return ""
    if lang == "en":
        return f"{cardinals[numerator]} {ordinals[denominator]}{'s' if numerator > 1 else ''}"
    return f"{cardinals[numerator]} {ordinals[denominator]}".strip()
