"""Subset Noto Sans CJK SC (Debian's fonts-noto-cjk, OFL 1.1) into the fonts the kiosk ships.

Keeps GB2312 levels 1 and 2, ASCII and Latin-1, general and CJK punctuation, and every
character of the given content files, in Regular and Bold. Re-run after content edits that
bring new characters; tests/content/test_font_coverage.py says when that is needed.

The font draws curly quotes and apostrophes (‘ ’ “ ”) an em wide, as Chinese sets them; in
English that reads "China’ s". Its proportional forms sit behind the `pwid` feature, which
nothing turns on, so the subset adds them to the Latin script's `locl`, which HarfBuzz always
applies to Latin text (as it does for the proportional digits there): English gets narrow
quotes, Chinese keeps its full-width ones.

    apt-get install fonts-noto-cjk
    python scripts/subset_fonts.py data/content.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fontTools import subset
from fontTools.otlLib.builder import buildSingleSubstSubtable
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.tables import otTables

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
OUT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
SIMPLIFIED_CHINESE = 2  # index of "Noto Sans CJK SC" in the collection
WEIGHTS = ("Regular", "Bold")


def gb2312_characters() -> set[str]:
    chars: set[str] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def content_characters(paths: list[Path]) -> set[str]:
    chars: set[str] = set()
    for path in paths:

        def walk(node: object) -> None:
            if isinstance(node, str):
                chars.update(node)
            elif isinstance(node, dict):
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(json.loads(path.read_text(encoding="utf-8-sig")))
    return chars


def base_characters() -> set[str]:
    ranges = [
        (0x20, 0x7E),
        (0xA0, 0xFF),
        (0x2010, 0x206F),
        (0x3000, 0x303F),
        (0xFF00, 0xFFEF),
        (0x2190, 0x21FF),
    ]
    chars = {chr(code) for start, end in ranges for code in range(start, end + 1)}
    chars.update("·—…“”‘’•×÷≈≤≥°€¥")
    return chars


LATIN_QUOTES = "‘’“”"


def proportional_quotes_in_latin(font: TTFont) -> None:
    """Latin text draws `pwid`'s proportional quotes: a lookup added to the `locl` of `latn`."""
    gsub = font["GSUB"].table
    cmap = font.getBestCmap()
    quotes = {cmap[ord(char)] for char in LATIN_QUOTES}
    mapping: dict[str, str] = {}
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag != "pwid":
            continue
        for index in record.Feature.LookupListIndex:
            for table in gsub.LookupList.Lookup[index].SubTable:
                mapping.update({glyph: alt for glyph, alt in table.mapping.items() if glyph in quotes})
    if set(mapping) != quotes:
        raise SystemExit(f"no proportional form in pwid for: {sorted(quotes - set(mapping))}")
    lookup = otTables.Lookup()
    lookup.LookupType, lookup.LookupFlag = 1, 0
    lookup.SubTable = [buildSingleSubstSubtable(mapping)]
    lookup.SubTableCount = 1
    gsub.LookupList.Lookup.append(lookup)
    gsub.LookupList.LookupCount = len(gsub.LookupList.Lookup)
    latin = next(record.Script for record in gsub.ScriptList.ScriptRecord if record.ScriptTag == "latn")
    features = gsub.FeatureList.FeatureRecord
    locl = next(
        features[i].Feature for i in latin.DefaultLangSys.FeatureIndex if features[i].FeatureTag == "locl"
    )
    locl.LookupListIndex.append(len(gsub.LookupList.Lookup) - 1)
    locl.LookupCount = len(locl.LookupListIndex)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="*", type=Path, help="content files whose characters to keep")
    parser.add_argument("--source", type=Path, default=SOURCE_DIR)
    args = parser.parse_args()
    text = "".join(sorted(gb2312_characters() | base_characters() | content_characters(args.content)))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for weight in WEIGHTS:
        collection = TTCollection(str(args.source / f"NotoSansCJK-{weight}.ttc"))
        font = collection.fonts[SIMPLIFIED_CHINESE]
        options = subset.Options()
        options.layout_features = ["*"]
        options.notdef_outline = True
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.drop_tables += ["DSIG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        proportional_quotes_in_latin(font)
        target = OUT_DIR / f"NotoSansCJKsc-{weight}.subset.otf"
        font.save(str(target))
        print(f"{target.name}: {target.stat().st_size / 1e6:.1f} MB, {len(text)} characters")


if __name__ == "__main__":
    main()
