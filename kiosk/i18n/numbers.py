"""Figures written as people read them: "4785亿元" / "CNY 478.5 billion" / "478,5 Mrd. CNY"."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import Figure

_APPROX = {
    "zh": {"nearly": "近", "over": "超过", "under": "不到", "about": "约"},
    "en": {"nearly": "nearly", "over": "over", "under": "under", "about": "about", "plus": "over"},
    "de": {"nearly": "fast", "over": "über", "under": "unter", "about": "etwa", "plus": "über"},
}
# Chinese writes "a round number and more" after the number: 60多个, and 100 as 百余 (百余位).
_ZH_PLUS = "多"
_ZH_HUNDRED_PLUS = ("百", "余")
# Large amounts of money: the word for each size, and whether the currency goes first.
_MONEY_WORDS = {
    "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")),
    "de": ((1e12, "Bio."), (1e9, "Mrd."), (1e6, "Mio.")),
}
_CURRENCY_FIRST = {"en": True, "de": False}
# (thousands, decimal); English writes "1,234.5", Chinese "1234.5" as the report does.
_SEPARATORS = {"de": (".", ","), "zh": ("", ".")}
_FRACTION_WORDS = {
    "de": (
        {1: "ein", 2: "zwei", 3: "drei"},
        {3: "Drittel", 4: "Viertel", 5: "Fünftel", 6: "Sechstel", 10: "Zehntel"},
    ),
}
_ZH_SUFFIXES = {"yi_cny": "亿元", "wanyi_cny": "万亿元", "percent": "%", "km": "公里"}
_ZH_DIGITS = "零一二三四五六七八九十"
_EN_ORDINALS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 8: "eighth", 10: "tenth"}
_EN_CARDINALS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True)
class FormattedFigure:
    """A figure split for typesetting: a small approximation word, the big number, a unit."""

    approx: str
    prefix: str  # before the number: "CNY"
    number: str  # the part that is set large and counts up
    suffix: str  # after the number: "亿元", "billion", "%", "家"
    lang: str
    words: str = ""  # the number as a sentence says it, where that differs: "三分之一" for "1/3"

    @property
    def text(self) -> str:
        """The figure as one phrase, the way the report's sentences write it."""
        number = self.words or self.number
        if self.lang == "zh":
            return f"{self.approx}{self.prefix}{number}{self.suffix}"
        glue = "" if self.suffix.startswith("%") else " "
        parts = [self.approx, self.prefix, number + (glue + self.suffix if self.suffix else "")]
        return " ".join(part for part in parts if part)


def decimals_of(value: float) -> int:
    """How many decimals the report wrote: 174.7 -> 1, 4785 -> 0."""
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def format_number(value: float, decimals: int, lang: str = "en") -> str:
    """Grouped in thousands as the language writes it: "1,234.5" (en), "1234.5" (zh), "1.234,5" (de)."""
    text = f"{value:,.{decimals}f}"
    separators = _SEPARATORS.get(lang)
    if separators is None:
        return text
    thousands, decimal = separators
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def _zh_fraction(numerator: int, denominator: int) -> str:
    def digits(n: int) -> str:
        return _ZH_DIGITS[n] if n <= 10 else str(n)

    return f"{digits(denominator)}分之{digits(numerator)}"


def _en_fraction(numerator: int, denominator: int) -> str:
    name = _EN_ORDINALS.get(denominator)
    if name is None or numerator not in _EN_CARDINALS:
        return f"{numerator}/{denominator}"
    return f"{_EN_CARDINALS[numerator]} {name}{'s' if numerator > 1 else ''}"


def _money(yuan: float, decimals: int | None, lang: str) -> tuple[str, str]:
    """(number, size word) of an amount in yuan; `decimals` fixed for a count-up's frames."""
    for size, word in _MONEY_WORDS.get(lang, _MONEY_WORDS["en"]):
        if yuan >= size:
            scaled = yuan / size
            places = decimals_of(round(scaled, 3)) if decimals is None else decimals
            return format_number(scaled, places, lang), word
    return format_number(yuan, 0, lang), ""


def _fraction_words(numerator: int, denominator: int, lang: str) -> str:
    if lang == "en":
        return _en_fraction(numerator, denominator)
    cardinals, ordinals = _FRACTION_WORDS.get(lang, ({}, {}))
    if numerator in cardinals and denominator in ordinals:
        return f"{cardinals[numerator]} {ordinals[denominator]}"
    return f"{numerator}/{denominator}"


def format_figure(figure: Figure, lang: str, value: float | None = None) -> FormattedFigure:
    """`figure` in `lang`; `value` overrides the number (for a count-up frame), same unit.
    Fractions do not count: "about 0/3" would say something the report does not."""
    shown = figure.value if value is None or figure.unit == "fraction" else value
    decimals = decimals_of(figure.value)
    approx = _APPROX.get(lang, _APPROX["en"]).get(figure.approx or "", "")
    if lang == "zh":
        measure = figure.measure["zh"] if figure.measure else ""
        return _format_zh(figure, shown, decimals, approx, measure)
    return _format_western(figure, shown, decimals, approx, lang)


def _format_zh(figure: Figure, shown: float, decimals: int, approx: str, measure: str) -> FormattedFigure:
    plus = _ZH_PLUS if figure.approx == "plus" else ""
    if plus and shown == figure.value == 100:
        hundred, more = _ZH_HUNDRED_PLUS
        return FormattedFigure("", "", hundred, more + measure, "zh")
    suffix = _ZH_SUFFIXES.get(figure.unit)
    if suffix is not None:
        return FormattedFigure(approx, "", format_number(shown, decimals, "zh"), plus + suffix, "zh")
    if figure.unit == "fraction" and figure.denominator:
        numerals = f"{int(shown)}/{figure.denominator}"
        return FormattedFigure(approx, "", numerals, "", "zh", _zh_fraction(int(shown), figure.denominator))
    if figure.value >= 10_000 and figure.value % 10_000 == 0:
        number = format_number(shown / 10_000, decimals, "zh")
        return FormattedFigure(approx, "", number, f"万{plus}{measure}", "zh")
    return FormattedFigure(approx, "", format_number(shown, decimals, "zh"), plus + measure, "zh")


def _format_western(figure: Figure, shown: float, decimals: int, approx: str, lang: str) -> FormattedFigure:
    if figure.unit in ("yi_cny", "wanyi_cny"):
        scale = 1e8 if figure.unit == "yi_cny" else 1e12
        # The final value's decimals for every count-up frame: "478.5", never "47.85234".
        final_places = decimals_of(round(figure.value * scale / _size_of(figure.value * scale, lang), 3))
        number, word = _money(shown * scale, final_places if shown != figure.value else None, lang)
        if _CURRENCY_FIRST.get(lang, True):
            return FormattedFigure(approx, "CNY", number, word, lang)
        return FormattedFigure(approx, "", number, f"{word} CNY".strip(), lang)
    if figure.unit in ("percent", "km"):
        suffix = "%" if figure.unit == "percent" else "km"
        return FormattedFigure(approx, "", format_number(shown, decimals, lang), suffix, lang)
    if figure.unit == "fraction" and figure.denominator:
        numerals = f"{int(shown)}/{figure.denominator}"
        words = _fraction_words(int(shown), figure.denominator, lang)
        return FormattedFigure(approx, "", numerals, "", lang, words)
    # Western languages set the count alone ("nearly 130"); the label says what is counted.
    return FormattedFigure(approx, "", format_number(shown, decimals, lang), "", lang)


def _size_of(yuan: float, lang: str) -> float:
    return next((size for size, _ in _MONEY_WORDS.get(lang, _MONEY_WORDS["en"]) if yuan >= size), 1.0)
