"""A separate process for the bundled-fonts test: started with fontconfig pointed at an empty
folder, so the only fonts Qt has are the kiosk's own (registered at start, as in the kiosk).

Arguments: an output folder, optionally `--fonts FOLDER` (the fonts to register instead of
assets/fonts), then content files. For every language of each file it renders
every page there (to look at) and sets every text of the content and of the interface in the
kiosk's fonts, regular and bold. Prints one JSON line: the families Qt found, the pages drawn,
and every character that came out as the empty glyph, with the JSON path it came from.
"""

from __future__ import annotations

import json
import string
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

from kiosk.app import boot
from kiosk.app.render import render_pages
from kiosk.i18n.strings import ui_keys, ui_text
from kiosk.ui.theme import Theme


def local_texts(node: object, languages: list[str], path: str = "") -> Iterator[tuple[str, str, str]]:
    """(JSON path, language, text) for every text the content gives in its languages."""
    if isinstance(node, dict):
        if node and set(node) <= set(languages) and all(isinstance(v, str) for v in node.values()):
            for lang, text in node.items():
                yield f"{path}.{lang}", lang, text
            return
        for key, value in node.items():
            yield from local_texts(value, languages, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from local_texts(value, languages, f"{path}[{index}]")


def empty_glyphs(text: str, font: QFont) -> bool:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    while line.isValid():
        line.setLineWidth(100_000)
        line = layout.createLine()
    layout.endLayout()
    return any(0 in run.glyphIndexes() for run in layout.glyphRuns())


def main() -> None:
    args = sys.argv[1:]
    out = Path(args.pop(0))
    if args[0] == "--fonts":
        folder = Path(args[1])
        boot.fonts_dir = lambda: folder  # type: ignore[assignment]
        args = args[2:]
    files = [Path(arg) for arg in args]
    boot.create_application()
    theme = Theme.for_size(1920, 1080)
    fonts = {"regular": theme.font("body"), "bold": theme.font("h1")}
    missing: list[dict[str, str]] = []
    drawn = 0
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        languages = data["meta"]["languages"]
        texts = list(local_texts(data, languages))
        for key in ui_keys():
            texts += [(f"ui:{key}.{lang}", lang, ui_text(key, lang)) for lang in languages]
        for where, lang, text in texts:
            for weight, font in fonts.items():
                if not empty_glyphs(text, font):
                    continue
                for char in sorted(set(text)):
                    if char not in string.whitespace and empty_glyphs(char, font):
                        missing.append({"path": where, "lang": lang, "char": char, "weight": weight})
        before = len(list(out.glob("*.png")))
        render_pages(out, (1920, 1080), "all", path, None)
        drawn += len(list(out.glob("*.png"))) - before
    print(
        json.dumps(
            {"families": sorted(QFontDatabase.families()), "pages": drawn, "missing": missing},
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
