"""`kiosk validate` names every character of the content that no bundled font draws, with its
JSON path; the table it reads agrees with the fonts shipped in assets/fonts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from kiosk.content.glyphs import GlyphCoverage, undrawable_characters
from kiosk.system.resources import fonts_dir

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
FAMILIES = ("NotoSansCJKsc", "NotoSans", "NotoSansArabicUI", "NotoSansHebrew")


@pytest.fixture(scope="module")
def coverage() -> GlyphCoverage:
    return GlyphCoverage.read(fonts_dir() / "coverage.json")


def test_the_table_is_what_the_shipped_fonts_draw(coverage: GlyphCoverage) -> None:
    drawn: set[int] = set()
    for family in FAMILIES:
        weights = [
            set(TTFont(str(path)).getBestCmap()) for path in sorted(fonts_dir().glob(f"{family}-*.subset.*"))
        ]
        assert len(weights) == 2, family  # Regular and Bold
        drawn |= weights[0] & weights[1]
    listed = {code for first, last in coverage.ranges for code in range(first, last + 1)}
    assert listed == drawn, "re-run scripts/subset_fonts.py"


@pytest.mark.parametrize(
    ("language", "sample"),
    [
        ("pl", "Zażółć gęślą jaźń"),
        ("cs", "Příliš žluťoučký kůň úpěl ďábelské ódy"),
        ("tr", "Pijamalı hasta yağız şoföre çabucak güvendi"),
        ("vi", "Tiếng Việt có dấu: Đường phố Hà Nội"),
        ("el", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία"),
        ("ru", "Съешь же ещё этих мягких французских булок"),
        ("ar", "مجمّع موسترشتات للتكنولوجيا، ١٢٣"),
        ("he", "עטלף אבק נס דרך מזגן שהתפוצץ כי חם"),
        ("ko", "다람쥐 헌 쳇바퀴에 타고파"),
        ("zh", "中关村论坛，张真翀"),
    ],
)
def test_the_issue_s_scripts_are_drawn(coverage: GlyphCoverage, language: str, sample: str) -> None:
    assert [char for char in sample if not coverage.draws(char)] == []


def test_both_parks_are_drawn(coverage: GlyphCoverage, content_dict: dict[str, Any]) -> None:
    other = json.loads(OTHER_PARK.read_text(encoding="utf-8"))
    assert undrawable_characters(content_dict, coverage) == []
    assert undrawable_characters(other, coverage) == []


def test_each_undrawable_text_is_named_once_with_its_characters(coverage: GlyphCoverage) -> None:
    data = json.loads(OTHER_PARK.read_text(encoding="utf-8"))
    data["meta"]["languages"] = ["de", "en", "ar", "th"]
    data["visions"][0]["name"]["th"] = "วิจัย"
    data["visions"][0]["name"]["ar"] = "بحث 똠"  # a Hangul syllable outside KS X 1001
    problems = undrawable_characters(data, coverage)
    assert [problem.path for problem in problems] == ["visions[0].name.ar", "visions[0].name.th"]
    assert problems[0].message == (
        "no bundled font can draw '똠' (U+B620 HANGUL SYLLABLE DDOM): it would show as an "
        "empty box (scripts/subset_fonts.py adds a content's characters that Noto has)"
    )
    thai = problems[1]
    assert all(f"'{char}'" in thai.message for char in "วิจัย")


def test_invisible_characters_need_no_glyph(coverage: GlyphCoverage) -> None:
    for char in "\u200f\u200e\u200d\u200c\n\t \u00a0\ufe0f":
        assert coverage.draws(char), repr(char)


def test_kiosk_validate_reports_undrawable_characters(
    write_content: Callable[..., Path], content_dict: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(content_dict))
    data["home"]["title"]["en"] = "Zhongguancun \u0e01"
    path = write_content(data)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}: home.title.en: no bundled font can draw 'ก' (U+0E01 THAI CHARACTER KO KAI): it "
        "would show as an empty box (scripts/subset_fonts.py adds a content's characters that Noto has)"
    ]
