"""Which way a language is written, and what it calls itself: from CLDR through Babel.

A content file names its languages by BCP 47 code (`ar`, `he`, `fa-IR`, `zh`); Babel's
locale data knows each one's script direction and native name, so no table here has to
list them. A code CLDR does not know is taken as left-to-right and named by its code.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError


@cache
def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        return None


def is_right_to_left(code: str) -> bool:
    """True for languages written right to left (ar, he, fa, ur, ...)."""
    locale = _locale(code)
    return locale is not None and locale.text_direction == "rtl"


def native_name(code: str) -> str:
    """The language as its readers call it: 中文, English, Deutsch, العربية."""
    locale = _locale(code)
    name = locale.get_display_name(locale) if locale is not None else None
    if not name:
        return code
    # CLDR writes names as in running text ("français"); a button stands alone.
    return name[0].upper() + name[1:]
