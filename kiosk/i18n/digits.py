"""The digits a language writes, as CLDR's default numbering system for it gives them: Persian
۰-۹, Bengali ০-৯, Arabic (`ar`) 0-9. Pure Python and without Babel, for UI strings (page
positions, counts, a countdown's seconds); `numbers` uses it for figures.
"""

from __future__ import annotations

# The first digit of each CLDR numbering system whose digits are not 0-9 (Babel gives the
# separators of a numbering system but always writes 0-9).
ZEROS = {"arab": "٠", "arabext": "۰", "beng": "০", "deva": "०", "mymr": "၀", "tibt": "༠"}
# The two-letter languages whose CLDR default numbering system is not 0-9, so that a page
# position or a countdown takes its digits without loading Babel (tests/content/test_digits.py
# checks this against every language Babel's CLDR knows).
NATIVE_DIGITS = {
    "as": "beng",
    "bn": "beng",
    "dz": "tibt",
    "fa": "arabext",
    "ks": "arabext",
    "mr": "deva",
    "my": "mymr",
    "ne": "deva",
    "ps": "arabext",
    "sa": "deva",
    "sd": "arab",
}


def in_digits(text: str, system: str) -> str:
    """`text` with 0-9 written in CLDR numbering system `system` ("arabext", "beng", "latn")."""
    zero = ZEROS.get(system)
    if zero is None:
        return text
    return text.translate({ord("0") + i: chr(ord(zero) + i) for i in range(10)})


def whole_number(value: int, lang: str) -> str:
    """A whole number as a UI string shows it in `lang`: the language's own digits, ungrouped
    (a page position "3", a countdown's seconds, a year): "۱۵" in Persian, "15" in Arabic."""
    return in_digits(str(value), NATIVE_DIGITS.get(lang, "latn"))
