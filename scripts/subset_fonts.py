"""Subset Debian's Noto fonts (OFL 1.1) into the fonts the kiosk ships, and write the table
of every character they draw (assets/fonts/coverage.json, read by `kiosk validate`).

- Noto Sans CJK SC (fonts-noto-cjk): GB2312 levels 1 and 2, the 2,350 Hangul syllables of
  KS X 1001 with the Hangul letters (Korean adds 0.35 MB a weight this way; all 11,172
  syllables would add roughly 1.3 MB a weight more), CJK punctuation, and every character of
  the given content files.
- Noto Sans (fonts-noto-core): Latin with its extensions (Central European, Turkish,
  Vietnamese, the combining accents), Greek and Cyrillic.
- Noto Sans Arabic UI (fonts-noto-ui-core) and Noto Sans Hebrew (fonts-noto-core): whole,
  they are small.

The CJK font draws curly quotes and apostrophes (‘ ’ “ ”) an em wide, as Chinese sets them;
in English that reads "China’ s". Its proportional forms sit behind the `pwid` feature, which
nothing turns on, so the subset adds them to the Latin script's `locl`, which HarfBuzz always
applies to Latin text (as it does for the proportional digits there): English gets narrow
quotes, Chinese keeps its full-width ones.

Each in Regular and Bold, with every OpenType layout feature (Arabic joins and Vietnamese
stacked accents need them). Re-run after content edits that bring new characters; `kiosk
validate` and tests/content/test_font_coverage.py say when that is needed.

    apt-get install fonts-noto-core fonts-noto-ui-core fonts-noto-cjk
    python scripts/subset_fonts.py data/content.json tests/other_park/content.json
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.otlLib.builder import buildSingleSubstSubtable
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.tables import otTables

SOURCE_ROOT = Path("/usr/share")
OUT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
SIMPLIFIED_CHINESE = 2  # index of "Noto Sans CJK SC" in the collection
WEIGHTS = ("Regular", "Bold")
COVERAGE = "coverage.json"

Ranges = list[tuple[int, int]]

# What readers of these scripts expect besides their letters: punctuation, arrows, symbols.
COMMON: Ranges = [
    (0x20, 0x7E),
    (0xA0, 0xFF),
    (0x2000, 0x206F),  # general punctuation, incl. the bidi marks
    (0x20A0, 0x20BF),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols (№, ™)
    (0x2190, 0x21FF),
    (0x2212, 0x2212),
]
LATIN_GREEK_CYRILLIC: Ranges = [
    (0x100, 0x24F),  # Latin Extended-A and -B: Polish, Czech, Turkish, Romanian ...
    (0x250, 0x2FF),  # IPA, spacing modifiers
    (0x300, 0x36F),  # combining accents
    (0x370, 0x3FF),  # Greek
    (0x400, 0x52F),  # Cyrillic and its supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional: Vietnamese
    (0x1F00, 0x1FFF),  # Greek Extended (polytonic)
    (0x2C60, 0x2C7F),
    (0xA720, 0xA7FF),
]
CJK_EXTRA: Ranges = [
    (0x3000, 0x303F),  # CJK punctuation
    (0x3130, 0x318F),  # Hangul compatibility letters
    (0xFF00, 0xFFEF),  # full-width forms
]


@dataclass(frozen=True)
class Bundle:
    """One shipped font family: where Debian keeps it and what of it the kiosk keeps."""

    name: str  # file stem in assets/fonts
    source: str  # path under SOURCE_ROOT, {weight} filled in
    suffix: str
    collection_index: int | None = None
    whole: bool = False  # keep every character the font has


BUNDLES = (
    Bundle("NotoSansCJKsc", "fonts/opentype/noto/NotoSansCJK-{weight}.ttc", ".otf", SIMPLIFIED_CHINESE),
    Bundle("NotoSans", "fonts/truetype/noto/NotoSans-{weight}.ttf", ".ttf"),
    # The UI cut (fonts-noto-ui-core) keeps Noto Sans's line height: the text cut's tall
    # ascent and descent (1.37 / 0.74 em) would push Arabic screens below the fold.
    Bundle("NotoSansArabicUI", "fonts/truetype/noto/NotoSansArabicUI-{weight}.ttf", ".ttf", whole=True),
    Bundle("NotoSansHebrew", "fonts/truetype/noto/NotoSansHebrew-{weight}.ttf", ".ttf", whole=True),
)
LICENCES = {
    "LICENSE-NotoSansCJK.txt": "doc/fonts-noto-cjk/copyright",
    "LICENSE-Noto.txt": "doc/fonts-noto-core/copyright",
}


def from_ranges(ranges: Ranges) -> set[str]:
    return {chr(code) for start, end in ranges for code in range(start, end + 1)}


def gb2312_characters() -> set[str]:
    chars: set[str] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def ks_x_1001_hangul() -> set[str]:
    """The 2,350 precomposed Hangul syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8)."""
    chars: set[str] = set()
    for high in range(0xB0, 0xC9):
        for low in range(0xA1, 0xFF):
            try:
                char = bytes((high, low)).decode("euc_kr")
            except UnicodeDecodeError:
                continue
            if "\uac00" <= char <= "\ud7a3":
                chars.add(char)
    return chars


def content_characters(paths: list[Path]) -> set[str]:
    chars: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            chars.update(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in paths:
        walk(json.loads(path.read_text(encoding="utf-8-sig")))
    return chars


def wanted(bundle: Bundle, content: set[str]) -> set[str] | None:
    """The characters `bundle` keeps (None: all it has)."""
    if bundle.whole:
        return None
    if bundle.name == "NotoSansCJKsc":
        return gb2312_characters() | ks_x_1001_hangul() | from_ranges(COMMON + CJK_EXTRA) | content
    return from_ranges(COMMON + LATIN_GREEK_CYRILLIC) | content


def open_font(bundle: Bundle, root: Path, weight: str) -> TTFont:
    path = root / bundle.source.format(weight=weight)
    if bundle.collection_index is not None:
        return TTCollection(str(path)).fonts[bundle.collection_index]
    return TTFont(str(path))


def subset_font(font: TTFont, text: set[str] | None) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["DSIG"]
    subsetter = subset.Subsetter(options)
    if text is None:
        subsetter.populate(unicodes=font.getBestCmap().keys())
    else:
        subsetter.populate(text="".join(sorted(text)))
    subsetter.subset(font)


def as_ranges(codes: Iterable[int]) -> Ranges:
    ranges: Ranges = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


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
    parser.add_argument(
        "--source", type=Path, default=SOURCE_ROOT, help="where Debian's fonts are (/usr/share)"
    )
    args = parser.parse_args()
    content = content_characters(args.content)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    # A character counts as drawable only when every weight of some bundled family has it.
    drawable: set[int] = set()
    for bundle in BUNDLES:
        per_weight: list[set[int]] = []
        for weight in WEIGHTS:
            font = open_font(bundle, args.source, weight)
            subset_font(font, wanted(bundle, content))
            if bundle.name == "NotoSansCJKsc":
                proportional_quotes_in_latin(font)
            target = OUT_DIR / f"{bundle.name}-{weight}.subset{bundle.suffix}"
            font.save(str(target))
            per_weight.append(set(font.getBestCmap()))
            print(f"{target.name}: {target.stat().st_size / 1e6:.2f} MB, {len(per_weight[-1])} characters")
        drawable |= set.intersection(*per_weight)
    for name, source in LICENCES.items():
        shutil.copyfile(args.source / source, OUT_DIR / name)
    table = {
        "about": "Characters the bundled fonts draw, as [first, last] code point ranges; "
        "written by scripts/subset_fonts.py",
        "ranges": as_ranges(drawable),
    }
    (OUT_DIR / COVERAGE).write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{COVERAGE}: {len(drawable)} characters in {len(table['ranges'])} ranges")


if __name__ == "__main__":
    main()
