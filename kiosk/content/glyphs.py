"""Which characters of a content file no bundled font can draw, per language, by JSON path.

The fonts are Qt's business; this layer only reads the table of characters they draw
(assets/fonts/coverage.json, written by scripts/subset_fonts.py from the fonts themselves), so
`kiosk validate` can say "visions[0].name.ko: '갂' ..." without a display or a font library.
"""

from __future__ import annotations

import bisect
import json
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from kiosk.content.errors import ContentProblem

# Characters that draw nothing by design besides spaces and line breaks: controls, format
# characters (bidi marks, joiners) and variation selectors, which shaping consumes.
_INVISIBLE_CATEGORIES = {"Cc", "Cf"}
_VARIATION_SELECTORS = range(0xFE00, 0xFE10)


class GlyphCoverage:
    """The set of characters the bundled fonts draw, as sorted code point ranges."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self._ranges = sorted((int(first), int(last)) for first, last in ranges)
        self._starts = [first for first, _ in self._ranges]

    @classmethod
    def read(cls, path: Path) -> GlyphCoverage:
        table = json.loads(path.read_text(encoding="utf-8"))
        return cls([(first, last) for first, last in table["ranges"]])

    @property
    def ranges(self) -> list[tuple[int, int]]:
        return list(self._ranges)

    def draws(self, char: str) -> bool:
        code = ord(char)
        if (
            char.isspace()
            or unicodedata.category(char) in _INVISIBLE_CATEGORIES
            or code in _VARIATION_SELECTORS
        ):
            return True
        index = bisect.bisect_right(self._starts, code) - 1
        return index >= 0 and self._ranges[index][0] <= code <= self._ranges[index][1]


def _local_texts(node: object, languages: frozenset[str], path: str) -> Iterator[tuple[str, str]]:
    """(JSON path, text) for every text given per language ({"en": ..., "ar": ...})."""
    if isinstance(node, dict):
        if node and set(node) <= languages and all(isinstance(value, str) for value in node.values()):
            for lang, text in node.items():
                yield f"{path}.{lang}", text
            return
        for key, value in node.items():
            yield from _local_texts(value, languages, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _local_texts(value, languages, f"{path}[{index}]")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"'{char}' (U+{ord(char):04X}{' ' + name if name else ''})"


def undrawable_characters(data: object, coverage: GlyphCoverage) -> list[ContentProblem]:
    """One problem for each text that has characters no bundled font draws, naming them."""
    if not isinstance(data, dict):
        return []
    meta = data.get("meta")
    declared = meta.get("languages") if isinstance(meta, dict) else None
    if not isinstance(declared, list):
        return []
    languages = frozenset(lang for lang in declared if isinstance(lang, str))
    problems: list[ContentProblem] = []
    for path, text in _local_texts(data, languages, ""):
        missing = sorted({char for char in text if not coverage.draws(char)})
        if missing:
            listed = ", ".join(_describe(char) for char in missing)
            problems.append(
                ContentProblem(
                    path,
                    f"no bundled font can draw {listed}: it would show as an empty box "
                    "(scripts/subset_fonts.py adds a content's characters that Noto has)",
                )
            )
    return problems
