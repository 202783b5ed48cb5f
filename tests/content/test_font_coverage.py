"""The bundled font draws every character the kiosk can show: content and UI strings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from kiosk.i18n.strings import ui_texts
from kiosk.system.resources import default_content_path, fonts_dir


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_font_covers_content_and_ui(weight: str) -> None:
    font = TTFont(str(fonts_dir() / f"NotoSansCJKsc-{weight}.subset.otf"))
    cmap = font.getBestCmap()
    content = json.loads(default_content_path().read_text(encoding="utf-8"))
    # The Chinese font's share: the bundled content and the interface in Chinese and Latin script.
    ui = [text for lang in ("zh", "en", "de") for text in ui_texts(lang)]
    shown = set("".join(_strings(content))) | set("".join(ui))
    shown |= set("0123456789,.%+-–—·…“”‘’")
    missing = sorted(char for char in shown if ord(char) not in cmap and not char.isspace())
    assert not missing, f"re-run scripts/subset_fonts.py; missing: {''.join(missing)}"


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_english_quotes_are_narrow_and_chinese_quotes_full_width(weight: str) -> None:
    """Latin text reaches the font's proportional quotes through `locl` (China’s, not China’ s);
    Chinese text keeps the full-width ones (“中关村倡议”). scripts/subset_fonts.py adds them."""
    font = TTFont(str(fonts_dir() / f"NotoSansCJKsc-{weight}.subset.otf"))
    cmap, advance = font.getBestCmap(), font["hmtx"]
    gsub = font["GSUB"].table
    features = gsub.FeatureList.FeatureRecord
    latin = next(record.Script for record in gsub.ScriptList.ScriptRecord if record.ScriptTag == "latn")
    mapping: dict[str, str] = {}
    for index in latin.DefaultLangSys.FeatureIndex:
        if features[index].FeatureTag == "locl":
            for lookup in features[index].Feature.LookupListIndex:
                for table in gsub.LookupList.Lookup[lookup].SubTable:
                    mapping.update(getattr(table, "mapping", {}))
    for char in "‘’“”":
        glyph = cmap[ord(char)]
        assert advance[glyph][0] == 1000, char  # full width: what Chinese text draws
        assert glyph in mapping, char
        assert advance[mapping[glyph]][0] < 600, char  # what Latin text draws
