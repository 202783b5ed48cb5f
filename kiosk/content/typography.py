"""Typewriter quotes made typographic: "Beijing's 'solution'" reads “Beijing’s ‘solution’”.

A curator's editor types straight marks; an exhibit sets curly ones. Each language gets its
own marks (CLDR's quotation delimiters); the apostrophe is ’ in all of them.
"""

from __future__ import annotations

import re

# (double open, double close, single open, single close), as CLDR gives them.
_MARKS = {
    "de": ("„", "“", "‚", "‘"),
    "fr": ("«\u202f", "\u202f»", "«\u202f", "\u202f»"),
    "ar": ("”", "“", "’", "‘"),
}
_DEFAULT = ("“", "”", "‘", "’")  # English, Chinese and most others
APOSTROPHE = "’"
# Inside a Latin word (China's) or for left-out digits ('90s): an apostrophe.
_APOSTROPHE = re.compile(r"(?<=[0-9A-Za-z\u00c0-\u024f])'(?=[A-Za-z\u00c0-\u024f])|'(?=\d\d(?:s|\b))")
# After these a mark opens; before a letter or digit it opens unless one of its kind is open.
_OPENS_AFTER = " \t\n([{\u2014\u2013-/“‘„‚«（【「『"
_CLOSES_BEFORE = ".,;:!?)]}。，、；：！？）】」』"


def curly_quotes(text: str, lang: str) -> str:
    """`text` with its straight quotation marks and apostrophes set as `lang` writes them.
    Chinese sets marks between characters without spaces: there a mark opens when none of
    its kind is open, and closes the one that is."""
    if "'" not in text and '"' not in text:
        return text
    double_open, double_close, single_open, single_close = _MARKS.get(lang, _DEFAULT)
    text = _APOSTROPHE.sub(APOSTROPHE, text)
    marks = {'"': (double_open, double_close), "'": (single_open, single_close)}
    open_now = {'"': False, "'": False}
    out: list[str] = []
    for index, char in enumerate(text):
        if char not in marks:
            out.append(char)
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opens = before in _OPENS_AFTER or (
            not open_now[char] and not after.isspace() and after not in ".,;:!?)"
        )
        if char == "'" and not opens and not open_now[char]:
            out.append(APOSTROPHE)  # the parks' land: nothing open to close
            continue
        open_now[char] = opens
        out.append(marks[char][0] if opens else marks[char][1])
    return "".join(out)
