"""Where a line may not break in Chinese text: the places are glued with invisible word joiners.

Unicode's line breaking (UAX #14, which Qt follows) allows a break between any two Chinese
characters, and so between a number and its unit ("130|家"), inside a written-out fraction
("三|分之一"), inside a transliterated name ("艾|巴·伦德"), and before the last character of a
paragraph ("借|鉴。"). U+2060 WORD JOINER forbids a break where it stands and draws nothing;
putting it there, rather than line breaks, lets every width still wrap the text its own way.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

WORD_JOINER = "\u2060"

# What follows a number and belongs with it: units, measure words, "and more" (60多个, 百余位).
UNITS = (
    "平方公里",
    "平方米",
    "公里",
    "公顷",
    *"万亿千百个家项所名位台辆座件次人元倍年月日余多种条届场亩米%％",
)
_UNIT_CHARS = "".join(sorted({char for unit in UNITS for char in unit}))
_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff"
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
# Qualifiers that lead a number: 近130家, 约三分之一 (never left at a line's end).
_QUALIFIER = "近约超逾"
_NAME_DOTS = "·・•"

_GLUED = re.compile(
    "|".join(
        (
            # A number and what follows it, chained: 2024年8月, 9月15日, 4785亿元, 60多个, 174.7件.
            rf"[{_QUALIFIER}]?(?:\d[\d.,]*[{_UNIT_CHARS}]+)+(?:\d[\d.,]*)?",
            rf"[{_QUALIFIER}]?\d[\d.,]*",
            # A fraction or count in words: 三分之一, 百余位, 20多个 is above.
            rf"[{_QUALIFIER}]?[{_CN_DIGITS}]+分之[{_CN_DIGITS}]+",
            rf"[{_CN_DIGITS}]+[余多][{_UNIT_CHARS}]*",
            # A short Chinese name or term in brackets, as English gives one: "(海珀特)".
            rf"[(（][{_IDEOGRAPH}]{{1,8}}[)）]",
        )
    )
)
# A transliterated name: 艾巴·伦德, 汤姆·本特利. Each part at most four characters: the text
# around a name has no spaces, and an open-ended part would glue the rest of the sentence to it
# ("伦德在开幕式上指出"), leaving its full stop alone on a line.
_NAME = re.compile(rf"[{_IDEOGRAPH}]{{1,4}}(?:[{_NAME_DOTS}][{_IDEOGRAPH}]{{1,4}})+")
# Its parts, each with the dot after it: a name too long for a line breaks only at a dot.
_NAME_PART = re.compile(rf"[{_IDEOGRAPH}]+[{_NAME_DOTS}]?(?=[{_IDEOGRAPH}]*(?:[{_NAME_DOTS}]|$))")
_ANY_IDEOGRAPH = re.compile(f"[{_IDEOGRAPH}]")
# The last two ideographs of a paragraph, with what closes it: a last line is never one character.
_LAST_TWO = re.compile(rf"[{_IDEOGRAPH}]{{2}}(?=[^{_IDEOGRAPH}\w]*$)")


def _glue(match: re.Match[str]) -> str:
    """The match with a joiner wherever a line could break in it: beside an ideograph or a
    name's dot (digits hold together on their own, and stay searchable)."""
    text = match.group(0)
    out = [text[0]]
    for before, after in itertools.pairwise(text):
        if _is_ideograph(before) or _is_ideograph(after) or before in _NAME_DOTS or after in _NAME_DOTS:
            out.append(WORD_JOINER)
        out.append(after)
    return "".join(out)


@lru_cache(maxsize=4096)  # the same texts come back at every resize and language switch
def keep_together(text: str, whole_names: bool = True) -> str:
    """`text` with word joiners where a line must not break; text without Chinese is returned
    unchanged (its spaces are where it breaks). Without `whole_names` a name may break at its
    dots (汤姆·|本特利), for a line too short for all of it."""
    if not _ANY_IDEOGRAPH.search(text):
        return text
    return "\n".join(_keep_line_together(line, whole_names) for line in text.split("\n"))


def _keep_line_together(line: str, whole_names: bool) -> str:
    glued = _NAME.sub(_glue if whole_names else _glue_name_parts, line)
    glued = _GLUED.sub(_glue, glued)
    return _LAST_TWO.sub(_glue, glued)


def _glue_name_parts(match: re.Match[str]) -> str:
    return _NAME_PART.sub(_glue, match.group(0))


def _is_ideograph(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF


def without_joiners(text: str) -> str:
    return text.replace(WORD_JOINER, "")
