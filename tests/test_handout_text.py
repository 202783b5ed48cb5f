"""The PDF handout's text layer: what `pdftotext` reads back is what the slides and the notes
say, every number and word, with no radical look-alikes, in fonts embedded in the file."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontDatabase, QPainter, QPdfWriter, QRawFont

from kiosk.app.boot import create_application
from kiosk.app.pdf import (
    HANDOUT_SUFFIX,
    _cmap_table,
    _name_table,
    _read_cmap,
    _sfnt,
    export_pdf,
    handout_font,
    mend_text_layer,
)
from kiosk.content import LoadedContent
from kiosk.content.pages import slide_list
from kiosk.i18n.strings import ui_texts
from kiosk.system.resources import fonts_dir
from kiosk.ui import theme as th

RADICALS = (range(0x2E80, 0x2F00), range(0x2F00, 0x2FE0))  # CJK radicals supplement, Kangxi radicals
PRIVATE_USE = range(0xE000, 0xF900)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} (poppler-utils) is missing: install the test tools with bash scripts/setup.sh --test"
        )
    return found


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, as `pdftotext -layout` reads it."""
    result = subprocess.run(
        [tool("pdftotext"), "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return result.stdout.split("\f")[:-1]


def squeezed(text: str) -> str:
    return "".join(text.split())


def words(text: str) -> set[str]:
    return set(text.split())


@pytest.fixture(scope="module")
def handouts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each language's handout with notes, page by page."""
    pages: dict[str, list[str]] = {"fonts": []}
    for lang in ("zh", "en"):
        target = tmp_path_factory.mktemp("handout") / f"handout-{lang}.pdf"
        assert export_pdf(target, lang, True, None) == 0
        pages[lang] = pdf_pages(target)
        fonts = subprocess.run([tool("pdffonts"), str(target)], capture_output=True, text=True, check=True)
        pages["fonts"] += fonts.stdout.splitlines()[2:]
    return pages


def test_a_page_per_slide_with_its_number(handouts: dict[str, list[str]], bundled: LoadedContent) -> None:
    count = len(slide_list(bundled.content))
    for lang in ("zh", "en"):
        assert len(handouts[lang]) == count
        for index, page in enumerate(handouts[lang]):
            assert f"{index + 1} / {count}" in page


def test_the_numbers_and_words_of_a_slide_read_back(
    handouts: dict[str, list[str]], bundled: LoadedContent
) -> None:
    home = bundled.content.home
    en_home, en_vision = handouts["en"][0], handouts["en"][1]
    # Digits in Latin text are glyphs only shaping reaches (locl); fi and fl are ligatures.
    assert "(IASP) 2025 World Conference · Beijing · 17 September 2025" in " ".join(en_home.split())
    for text in (home.kicker, home.title, home.subtitle, home.context, *home.calls):
        assert words(text["en"]) <= words(en_home), text["en"]
    assert {"five", "figures"} <= words(en_home)
    vision = bundled.content.visions[0]
    for text in (vision.name, vision.headline, vision.text):
        assert words(text["en"]) <= words(en_vision), text["en"]
    assert {"2024,", "478.5", "646.5", "174.7", "10,000"} <= words(en_vision)

    zh_home, zh_vision = squeezed(handouts["zh"][0]), squeezed(handouts["zh"][1])
    assert squeezed(home.kicker["zh"]) in zh_home
    assert "2025年世界大会" in zh_home
    for text in (home.title, home.subtitle, *home.calls):
        assert squeezed(text["zh"]) in zh_home
    # The body and the figure cards both write 4785, as the report does.
    for number in ("2024年", "4785亿元", "6465亿元", "174.7"):
        assert number in zh_vision


def test_every_note_reads_back_whole(handouts: dict[str, list[str]], bundled: LoadedContent) -> None:
    slides = slide_list(bundled.content)
    assert sum(slide.notes is not None for slide in slides) >= 3
    for index, slide in enumerate(slides):
        if slide.notes is None:
            continue
        for lang in ("zh", "en"):
            assert squeezed(slide.notes[lang]) in squeezed(handouts[lang][index]), (index, lang)


def test_no_radical_look_alikes_or_private_characters(
    handouts: dict[str, list[str]], content_dict: dict[str, object]
) -> None:
    source = str(content_dict) + "".join(ui_texts("zh") + ui_texts("en"))
    for lang in ("zh", "en"):
        text = "".join(handouts[lang])
        odd = {char for char in text if any(ord(char) in block for block in (*RADICALS, PRIVATE_USE))}
        assert not odd, f"{lang}: {sorted(odd)}"
        # Compatibility characters only where the content or the interface has them (fullwidth
        # commas, the slash of 第1站／共4站).
        compatibility = {char for char in text if unicodedata.normalize("NFKC", char) != char}
        assert compatibility <= set(source), f"{lang}: {sorted(compatibility - set(source))}"


def test_the_fonts_are_embedded(handouts: dict[str, list[str]]) -> None:
    assert handouts["fonts"]
    for row in handouts["fonts"]:
        name, *_, embedded, _subset, unicode_map, _number, _generation = row.split()
        assert (embedded, unicode_map) == ("yes", "yes"), row
        # Every glyph drawn with the handout's copies of the fonts, whose text map is whole.
        assert "Handout" in name, row


def test_the_kiosk_fonts_are_back_after_an_export(handouts: dict[str, list[str]]) -> None:
    assert th.FONT_FAMILY == "Noto Sans CJK SC"
    assert th.FONT_FAMILY + HANDOUT_SUFFIX not in QFontDatabase.families()


def test_shaped_glyphs_get_the_text_they_stand_for() -> None:
    data = (fonts_dir() / "NotoSansCJKsc-Regular.subset.otf").read_bytes()
    font, name, private = handout_font(data, HANDOUT_SUFFIX)
    assert name == "NotoSansCJKscHandout-Regular"
    assert all(ord(char) in PRIVATE_USE for char in private)
    # In Latin text, locl draws other digits and ellipsis; liga joins fi and fl.
    assert {*"0123456789", "…", "fi", "fl"} <= set(private.values())
    codes = _read_cmap(_tables(font)[b"cmap"])
    assert {ord(char) for char in private} <= set(codes)


def _tables(font: bytes) -> dict[bytes, bytes]:
    count = int.from_bytes(font[4:6], "big")
    tables = {}
    for i in range(count):
        record = font[12 + 16 * i : 28 + 16 * i]
        offset, length = int.from_bytes(record[8:12], "big"), int.from_bytes(record[12:16], "big")
        tables[record[:4]] = font[offset : offset + length]
    return tables


@pytest.fixture
def radical_font() -> bytes:
    """The bundled font as a font with Kangxi and supplement radicals would be (the full Noto
    Sans CJK SC): ⼤ U+2F24 on 大's glyph, ⻆ U+2EC6 on 角's, ⼀ U+2F00 on 一's."""
    data = (fonts_dir() / "NotoSansCJKsc-Regular.subset.otf").read_bytes()
    tables = _tables(data)
    codes = _read_cmap(tables[b"cmap"])
    for radical, ideograph in (("⼤", "大"), ("⻆", "角"), ("⼀", "一")):
        codes[ord(radical)] = codes[ord(ideograph)]
    tables[b"cmap"] = _cmap_table(tables[b"cmap"], codes)
    names = {1: "Radical Test Sans", 3: "RadicalTestSans-Regular", 4: "Radical Test Sans Regular"}
    tables[b"name"] = _name_table(tables[b"name"], {**names, 6: "RadicalTestSans-Regular"})
    return _sfnt(data[:4], tables)


def _pdf_text(path: Path, family: str, text: str, private: dict[str, str] | None = None) -> str:
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    font = QFont(family)
    font.setPixelSize(120)
    painter.setFont(font)
    painter.drawText(QPointF(100, 300), text)
    painter.end()
    if private is not None:
        mend_text_layer(path, {"RadicalTestSansHandout-Regular": private})
    return pdf_pages(path)[0]


def test_radicals_on_an_ideographs_glyph_are_left_out(radical_font: bytes, tmp_path: Path) -> None:
    create_application()
    raw = QRawFont(radical_font, 20)
    assert raw.glyphIndexesForString("⼤大⻆角") == raw.glyphIndexesForString("大大角角")
    test_id = QFontDatabase.addApplicationFontFromData(radical_font)
    try:
        # What Qt alone writes: the first character of a glyph, the radical.
        plain = _pdf_text(tmp_path / "plain.pdf", "Radical Test Sans", "大会 角 一")
        assert {"⼤", "⻆", "⼀"} <= set(plain)
    finally:
        QFontDatabase.removeApplicationFont(test_id)

    font, name, private = handout_font(radical_font, HANDOUT_SUFFIX)
    assert name == "RadicalTestSansHandout-Regular"
    codes = _read_cmap(_tables(font)[b"cmap"])
    assert not {0x2F24, 0x2EC6, 0x2F00} & set(codes)
    assert codes[ord("大")] == _read_cmap(_tables(radical_font)[b"cmap"])[ord("大")]
    handout_id = QFontDatabase.addApplicationFontFromData(font)
    try:
        mended = _pdf_text(
            tmp_path / "handout.pdf", "Radical Test Sans" + HANDOUT_SUFFIX, "大会 角 一 fi 2025", private
        )
    finally:
        QFontDatabase.removeApplicationFont(handout_id)
    assert "大会 角 一 fi 2025" in mended
