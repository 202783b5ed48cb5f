"""How long a visitor takes to read a text, by language: for how long a tour playing by
itself stays on a stop.

The rates are about the mean rates measured for the International Reading Speed Texts
(IReST: the same passage read aloud by adults in each language): words a minute for
languages written with spaces, characters a minute for Chinese and Japanese. Reading aloud is
slower than reading silently, which suits a screen read standing, from a metre or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORDS_PER_MINUTE = {
    "ar": 138,
    "de": 179,
    "en": 228,
    "es": 218,
    "fi": 161,
    "fr": 195,
    "he": 187,
    "it": 188,
    "nl": 202,
    "pl": 166,
    "pt": 181,
    "ru": 184,
    "sv": 199,
    "tr": 166,
}
CHARACTERS_PER_MINUTE = {"zh": 255, "ja": 357}
DEFAULT_WORDS_PER_MINUTE = 180
DEFAULT_CHARACTERS_PER_MINUTE = 255

# Han ideographs, kana and hangul syllables: read character by character.
_CHARACTER_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# A word: letters or digits (of any other script) run together, with inner apostrophes,
# hyphens and decimal marks ("don't", "fuel-cell", "1,000").
_WORD = re.compile(r"[^\W_](?:[\w'’.,\-]*[^\W_])?")


def reading_seconds(texts: Iterable[str], lang: str) -> float:
    """Seconds to read `texts` in `lang`: ideographs at the language's characters a minute,
    words of other scripts (Latin names in Chinese text too) at its words a minute."""
    language = lang.split("-", maxsplit=1)[0].lower()
    characters_per_s = CHARACTERS_PER_MINUTE.get(language, DEFAULT_CHARACTERS_PER_MINUTE) / 60
    words_per_s = WORDS_PER_MINUTE.get(language, DEFAULT_WORDS_PER_MINUTE) / 60
    seconds = 0.0
    for text in texts:
        characters = len(_CHARACTER_SCRIPTS.findall(text))
        words = len(_WORD.findall(_CHARACTER_SCRIPTS.sub(" ", text)))
        seconds += characters / characters_per_s + words / words_per_s
    return seconds
