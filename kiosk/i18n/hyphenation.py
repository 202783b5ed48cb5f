"""Where a word too long for its line breaks: at a syllable boundary, with a hyphen.

German compounds ("Forschungsinfrastrukturförderprogramm") are often wider than a narrow column,
and Qt has no hyphenation of its own: a wrapped line cuts such a word off, or breaks it after
any letter without a hyphen. pyphen (pure Python, the hyphenation dictionaries LibreOffice
ships, the same patterns TeX uses) gives the syllable boundaries; a soft hyphen (U+00AD) there
lets the line break and draws nothing elsewhere. Only words that do not fit their line get
them: a word that fits is never broken. A language without a dictionary (Chinese, Arabic) is
left as it is.

Qt breaks a line at a soft hyphen, but whether it draws the hyphen depends on how the line is
drawn; the text widgets draw each line themselves, so `shown_line` sets a visible hyphen where
a line ends in one and drops the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
HYPHEN = "-"
# A word to hyphenate is a run of letters; digits, a number's separators and marks are never
# broken (a number is kept whole by its own rules).
_WORD = re.compile(r"[^\W\d_]+")
# Each piece of a broken word is at least this many letters: "Infra-s-truktur" is no break a
# reader expects (the German dictionary allows a one-letter syllable there).
_LEAST_PIECE = 2


@lru_cache(maxsize=16)
def _dictionary(lang: str) -> pyphen.Pyphen | None:
    name = pyphen.language_fallback(lang.replace("-", "_"))
    return pyphen.Pyphen(lang=name) if name else None


def load_dictionaries(languages: Iterable[str]) -> None:
    """Read the dictionaries of `languages` now (about 110 ms for English): at first use they
    were read inside a visitor's first tap on the language button."""
    for lang in languages:
        _dictionary(lang)


def has_dictionary(lang: str) -> bool:
    """Whether words of `lang` can be hyphenated (pyphen has a dictionary for it)."""
    return _dictionary(lang) is not None


@lru_cache(maxsize=4096)  # the same words come back at every resize
def syllable_breaks(word: str, lang: str) -> tuple[int, ...]:
    """The positions in `word` where it may break with a hyphen, no piece shorter than two
    letters; none for a language without a dictionary."""
    dictionary = _dictionary(lang)
    if dictionary is None:
        return ()
    kept: list[int] = []
    last = 0
    for position in dictionary.positions(word):
        if position - last >= _LEAST_PIECE and len(word) - position >= _LEAST_PIECE:
            kept.append(position)
            last = position
    return tuple(kept)


def with_soft_hyphens(text: str, lang: str, fits: Callable[[str], bool]) -> str:
    """`text` with soft hyphens at the syllable boundaries of each word for which `fits(word)` is
    false (a word wider than its line); every other word, and a language without a dictionary,
    as it is."""
    if not has_dictionary(lang):
        return text

    def hyphenate(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 2 * _LEAST_PIECE or fits(word):
            return word
        breaks = syllable_breaks(word, lang)
        if not breaks:
            return word
        pieces = [word[start:end] for start, end in zip((0, *breaks), (*breaks, len(word)), strict=True)]
        return SOFT_HYPHEN.join(pieces)

    return _WORD.sub(hyphenate, text)


def shown_line(line: str) -> str:
    """A line as it is drawn: a hyphen where it ends at a soft hyphen (before any spaces that
    end it), no soft hyphens anywhere else."""
    body = line.rstrip(" ")
    tail = line[len(body) :]
    if body.endswith(SOFT_HYPHEN):
        return body.replace(SOFT_HYPHEN, "") + HYPHEN + tail
    return line.replace(SOFT_HYPHEN, "")


def without_soft_hyphens(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "")
