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
