"""Which way a language is written, and what it calls itself.

A content file names its languages by BCP 47 code (`ar`, `he`, `fa-IR`, `pa-Arab`, `zh`). The
direction is decided here, without a library, because every start needs it: a script subtag
decides by the script, else the language's usual script does. The tables are CLDR's (through
Babel): tests/content/test_direction.py checks them against every locale Babel knows. The
native name ("العربية") comes from Babel, imported only when a language picker needs one.
"""

from __future__ import annotations

from functools import cache

# Languages CLDR writes right to left when no script is named (plus the old codes for Hebrew
# and Yiddish, which content files written against older lists still use).
RIGHT_TO_LEFT_LANGUAGES = frozenset(
    {
        "apc", "ar", "ary", "bal", "bgn", "bqi", "brh", "ckb", "dv", "fa", "he", "iw", "ji", "ks",
        "lrc", "mzn", "nqo", "ps", "rhg", "sd", "sdh", "skr", "syr", "trw", "ug", "ur", "yi",
    }
)  # fmt: skip
# Scripts written right to left (ISO 15924), for codes that name one: `pa-Arab`, `uz-Arab`.
RIGHT_TO_LEFT_SCRIPTS = frozenset(
    {"Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"}
)
_SCRIPT_LENGTH = 4


def _subtags(code: str) -> tuple[str, str | None]:
    """The language and the script (if the code names one) of a BCP 47 or POSIX code."""
    parts = code.replace("_", "-").split("-")
    script = next(
        (part.title() for part in parts[1:] if len(part) == _SCRIPT_LENGTH and part.isalpha()), None
    )
    return parts[0].lower(), script


def is_right_to_left(code: str) -> bool:
    """True for languages written right to left (ar, he, fa, ur, pa-Arab ...)."""
    language, script = _subtags(code)
    if script is not None:
        return script in RIGHT_TO_LEFT_SCRIPTS
    return language in RIGHT_TO_LEFT_LANGUAGES


@cache
def native_name(code: str) -> str:
    """The language as its readers call it: 中文, English, Deutsch, العربية (the code itself
    for a language CLDR does not know)."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 (only a picker needs names)

    try:
        locale = Locale.parse(code, sep="-" if "-" in code else "_")
    except (UnknownLocaleError, ValueError):
        return code
    name = locale.get_display_name(locale)
    if not name:
        return code
    # CLDR writes names as in running text ("français"); a button stands alone.
    return name[0].upper() + name[1:]
