"""`kiosk export-pdf FILE`: the slides as a PDF handout, one slide a page (final states, text
as vector text), with the speaker notes under each slide when asked.

A PDF keeps text as glyphs; readers (search, copy, `pdftotext`) get the characters back from
the ToUnicode map Qt writes for each font, which it makes by asking the font's cmap which
glyph each character from U+0000 up draws, the first character found winning. That loses
two kinds of glyph:

- glyphs only shaping produces, which no character maps to: in Latin text (and in Chinese
  after a Latin word, "IASP 2025年") Noto Sans CJK's `locl` swaps in proportional digits and
  a baseline ellipsis, and `liga` draws fi and fl as one glyph. They read back as nothing:
  "IASP  World Conference", "ve park visions".
- glyphs a font gives to an ideograph and to its radical (大 and U+2F24 ⼤): the radical
  comes first, so the text read back was radicals. The bundled subsets map no radicals, but
  with Noto Sans CJK installed system-wide Qt may draw a weight with that copy instead (which
  of two fonts of the same family and style wins depends on the order fontconfig lists them).

So the handout draws with its own copy of the bundled fonts, under a family of its own: the
radicals' codepoints left out where an ideograph has the same glyph, every glyph that only
shaping reaches given a private-use character; in the finished file those characters are
replaced by the text their glyphs stand for. The pages look exactly like the kiosk's.
"""

from __future__ import annotations

import os
import re
import struct
import sys
import unicodedata
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n.digits import whole_number

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter, QPdfWriter

HANDOUT_SUFFIX = " Handout"
_PRIVATE_USE = range(0xE000, 0xF900)
# The features HarfBuzz applies to horizontal text by itself: their glyphs get characters first.
# Arabic adds its joining forms (isol, init, medi, fina) and mark placement.
_DEFAULT_FEATURES = (
    b"ccmp",
    b"locl",
    b"isol",
    b"init",
    b"medi",
    b"fina",
    b"rlig",
    b"rclt",
    b"calt",
    b"clig",
    b"liga",
)
_SINGLE, _ALTERNATE, _LIGATURE, _EXTENSION = 1, 3, 4, 7


def export_pdf(target: Path, lang: str | None, notes: bool, data: Path | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt  # noqa: PLC0415 (Qt after the platform)
    from PySide6.QtGui import QColor  # noqa: PLC0415

    from kiosk.app.boot import create_application, load_for_command  # noqa: PLC0415
    from kiosk.content.pages import slide_list  # noqa: PLC0415
    from kiosk.system.safe_write import SHARED, write_atomically  # noqa: PLC0415
    from kiosk.ui import theme as th  # noqa: PLC0415
    from kiosk.ui.snapshot import PageSnapshots  # noqa: PLC0415

    create_application()
    loaded, code = load_for_command(data, (lang,) if lang else ())
    if loaded is None:
        return code
    content = loaded.content
    lang = lang or content.meta.default_language
    size = (1920, 1080)
    slides = slide_list(content)

    def write(path: Path, snapshots: PageSnapshots, texts: dict[str, dict[str, str]]) -> None:
        writer = _pdf_writer(path, content.meta.title[lang])
        area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        area.moveTo(0, 0)
        painter = _handout_painter(writer, lang)
        note_font = th.Theme.for_size(*size).font("body")
        note_font.setPixelSize(28)
        for index, slide in enumerate(slides):
            if index:
                writer.newPage()
            room = area.height() * (0.72 if notes else 0.94)
            scale = min(area.width() / size[0], room / size[1])
            painter.save()
            painter.translate(area.left() + (area.width() - size[0] * scale) / 2, area.top())
            painter.scale(scale, scale)
            snapshots.paint(painter, slide.page, slide.step)
            painter.restore()
            below = QRectF(area.left(), area.top() + size[1] * scale + 16, area.width(), area.height())
            painter.setFont(note_font)
            painter.setPen(QColor("#333333"))
            if notes and slide.notes is not None:
                flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
                painter.drawText(below.adjusted(0, 0, 0, -60), flags, slide.notes[lang])
            footer = QRectF(area.left(), area.bottom() - 40, area.width(), 40)
            painter.drawText(
                footer,
                int(Qt.AlignmentFlag.AlignRight),
                f"{whole_number(index + 1, lang)} / {whole_number(len(slides), lang)}",
            )
            print(
                f"[{index + 1}/{len(slides)}] {slide.page}"
                + (f" #{slide.step + 1}" if slide.step is not None else "")
            )
        painter.end()
        mend_text_layer(path, texts)

    with handout_fonts() as texts:
        snapshots = PageSnapshots(loaded, lang, size, slides=True)
        try:
            write_atomically(target, lambda path: write(path, snapshots, texts), mode=SHARED)
        finally:
            snapshots.close()
    print(f"{len(slides)} slides in {target}")
    return 0


def _handout_painter(writer: QPdfWriter, lang: str) -> QPainter:
    """Notes and page numbers run in the handout's language: an Arabic note that opens with
    "IBM" reads from the right, and the page number sits at the left."""
    from PySide6.QtGui import QPainter  # noqa: PLC0415

    from kiosk.ui.language import layout_direction  # noqa: PLC0415

    painter = QPainter(writer)
    painter.setLayoutDirection(layout_direction(lang))
    return painter


def _pdf_writer(path: Path, title: str) -> QPdfWriter:
    from PySide6.QtCore import QMarginsF  # noqa: PLC0415
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter  # noqa: PLC0415

    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("kiosk export-pdf")
    writer.setResolution(144)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


@contextmanager
def handout_fonts() -> Iterator[dict[str, dict[str, str]]]:
    """While open, the kiosk's widgets draw with the handout's copies of the bundled fonts.
    Yields, by PostScript name, what each copy's private-use characters stand for."""
    from PySide6.QtGui import QFontDatabase  # noqa: PLC0415

    from kiosk.system.resources import fonts_dir  # noqa: PLC0415
    from kiosk.ui import theme as th  # noqa: PLC0415

    texts: dict[str, dict[str, str]] = {}
    font_ids: list[int] = []
    family, fallbacks = th.FONT_FAMILY, th.FALLBACK_FAMILIES
    try:
        for path in sorted(p for p in fonts_dir().iterdir() if p.suffix in (".otf", ".ttf")):
            font, name, private = handout_font(path.read_bytes(), HANDOUT_SUFFIX)
            font_id = QFontDatabase.addApplicationFontFromData(font)
            if font_id >= 0:
                font_ids.append(font_id)
            taken = QFontDatabase.applicationFontFamilies(font_id)
            if not taken or not all(taken_family.endswith(HANDOUT_SUFFIX) for taken_family in taken):
                raise ValueError(f"Qt does not take the handout's copy of {path.name}")
            texts[name] = private
    except (ValueError, struct.error, IndexError, KeyError) as error:
        # The handout still comes out, searchable except for the glyphs above.
        print(f"the handout draws with the kiosk's own fonts: {error}", file=sys.stderr)
        texts.clear()
    else:
        if font_ids:
            # Pages, widgets and their stylesheets take the family from here as they are built.
            th.FONT_FAMILY = family + HANDOUT_SUFFIX
            th.FALLBACK_FAMILIES = tuple(fallback + HANDOUT_SUFFIX for fallback in fallbacks)
    try:
        yield texts
    finally:
        th.FONT_FAMILY, th.FALLBACK_FAMILIES = family, fallbacks
        for font_id in font_ids:
            QFontDatabase.removeApplicationFont(font_id)


# The handout's fonts: an OpenType font's tables, edited where the text layer needs it.


def _u16(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 2], "big")


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "big")


def handout_font(data: bytes, suffix: str) -> tuple[bytes, str, dict[str, str]]:
    """The OpenType font `data` with `suffix` added to its family, no radical in its cmap
    where an ideograph has the glyph, and a private-use character for each glyph only
    substitution reaches. Returns the font, its PostScript name and those characters' text."""
    contents: dict[bytes, bytes] = {}
    for i in range(_u16(data, 4)):
        tag, _, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * i)
        contents[tag] = data[offset : offset + length]
    codes = _read_cmap(contents[b"cmap"])
    sharing: dict[int, list[int]] = {}
    for code in sorted(codes):
        sharing.setdefault(codes[code], []).append(code)
    text_of: dict[int, str] = {}
    for glyph, chars in sharing.items():
        readable = [code for code in chars if not _is_alias(code)]
        if readable:
            for code in chars[: chars.index(readable[0])]:
                del codes[code]
        text_of[glyph] = chr(readable[0] if readable else chars[0])
    private: dict[str, str] = {}
    free = (code for code in _PRIVATE_USE if code not in codes)
    shaped = _shaped_glyphs(contents.get(b"GSUB", b""), text_of)
    for (glyph, text), code in zip(shaped.items(), free, strict=False):
        codes[code] = glyph
        private[chr(code)] = text
    names = _read_names(contents[b"name"])
    family = names.get(16, names[1]) + suffix
    style = names.get(2, "Regular")
    base, _, weight = names[6].partition("-")
    postscript = f"{base}{suffix.replace(' ', '')}-{weight or style.replace(' ', '')}"
    replaced = {1: family, 3: postscript, 4: f"{family} {style}", 6: postscript}
    contents[b"name"] = _name_table(contents[b"name"], replaced)
    contents[b"cmap"] = _cmap_table(contents[b"cmap"], codes)
    return _sfnt(data[:4], contents), postscript, private


def _is_alias(code: int) -> bool:
    """Kangxi radicals, radicals supplement, CJK strokes and other compatibility forms."""
    return (
        0x2E80 <= code <= 0x2EFF
        or 0x31C0 <= code <= 0x31EF
        or unicodedata.normalize("NFKC", chr(code)) != chr(code)
    )


def _read_cmap(table: bytes) -> dict[int, int]:
    """Character to glyph, from the font's full-Unicode subtable, else its BMP one."""
    found: dict[int, int] = {}
    for i in range(_u16(table, 2)):
        platform, encoding, offset = struct.unpack_from(">HHL", table, 4 + 8 * i)
        kind = _u16(table, offset)
        if kind == 12 and (platform, encoding) in ((3, 10), (0, 4), (0, 6)):
            found[12] = offset
        elif kind == 4 and (platform, encoding) in ((3, 1), (0, 3)):
            found.setdefault(4, offset)
    codes: dict[int, int] = {}
    if 12 in found:
        at = found[12]
        for group in range(_u32(table, at + 12)):
            first, last, glyph = struct.unpack_from(">LLL", table, at + 16 + 12 * group)
            codes.update({code: glyph + code - first for code in range(first, last + 1)})
    elif 4 in found:
        at = found[4]
        segments = _u16(table, at + 6) // 2
        ends, starts = at + 14, at + 16 + 2 * segments
        deltas, ranges = starts + 2 * segments, starts + 4 * segments
        for s in range(segments):
            first, last = _u16(table, starts + 2 * s), _u16(table, ends + 2 * s)
            delta, range_offset = _u16(table, deltas + 2 * s), _u16(table, ranges + 2 * s)
            for code in range(first, min(last, 0xFFFE) + 1):
                if range_offset:
                    glyph = _u16(table, ranges + 2 * s + range_offset + 2 * (code - first))
                    glyph = (glyph + delta) & 0xFFFF if glyph else 0
                else:
                    glyph = (code + delta) & 0xFFFF
                if glyph:
                    codes[code] = glyph
    return codes


def _cmap_table(table: bytes, codes: dict[int, int]) -> bytes:
    """The cmap with `codes` as its full-Unicode subtable (3, 10), the one FreeType and
    HarfBuzz read first; the other subtables stay (a (3, 10) it had is left unreferenced)."""
    count = _u16(table, 2)
    kept = [
        record
        for record in (struct.unpack_from(">HHL", table, 4 + 8 * i) for i in range(count))
        if record[:2] != (3, 10)
    ]
    body = table[4 + 8 * count :]
    moved = 8 * (len(kept) + 1) - 8 * count
    records = [(platform, encoding, offset + moved) for platform, encoding, offset in kept]
    records.append((3, 10, 4 + 8 * (len(kept) + 1) + len(body)))
    groups: list[list[int]] = []
    for code in sorted(codes):
        if groups and code == groups[-1][1] + 1 and codes[code] == groups[-1][2] + code - groups[-1][0]:
            groups[-1][1] = code
        else:
            groups.append([code, code, codes[code]])
    subtable = struct.pack(">HHLLL", 12, 0, 16 + 12 * len(groups), 0, len(groups))
    subtable += b"".join(struct.pack(">LLL", *group) for group in groups)
    head = struct.pack(">HH", 0, len(records))
    head += b"".join(struct.pack(">HHL", *record) for record in sorted(records))
    return head + body + subtable


def _read_names(table: bytes) -> dict[int, str]:
    """The font's English names (Windows, US English) by name ID."""
    names: dict[int, str] = {}
    storage = _u16(table, 4)
    for i in range(_u16(table, 2)):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(">6H", table, 6 + 12 * i)
        if (platform, encoding, language) in ((3, 1, 0x409), (3, 10, 0x409)):
            start = storage + offset
            names[name_id] = table[start : start + length].decode("utf-16-be")
    return names


def _name_table(table: bytes, replaced: dict[int, str]) -> bytes:
    """The name table with `replaced` as its only names of those IDs (English, Windows), and
    no typographic or localised family names left to find the font by its old family."""
    gone = {*replaced, 16, 17, 18, 21, 22}
    storage = _u16(table, 4)
    records: list[tuple[int, int, int, int, bytes]] = []
    for i in range(_u16(table, 2)):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(">6H", table, 6 + 12 * i)
        if name_id not in gone and language < 0x8000:
            start = storage + offset
            records.append((platform, encoding, language, name_id, table[start : start + length]))
    records += [(3, 1, 0x409, name_id, text.encode("utf-16-be")) for name_id, text in replaced.items()]
    records.sort(key=lambda record: record[:4])
    head, strings = b"", b""
    for platform, encoding, language, name_id, text in records:
        head += struct.pack(">6H", platform, encoding, language, name_id, len(text), len(strings))
        strings += text
    return struct.pack(">HHH", 0, len(records), 6 + 12 * len(records)) + head + strings


def _shaped_glyphs(gsub: bytes, text_of: dict[int, str]) -> dict[int, str]:
    """Each glyph the GSUB table substitutes for characters' glyphs and no character maps
    to, with the text it stands for: the default features' glyphs first."""
    if not gsub:
        return {}
    feature_list, lookups = _u16(gsub, 6), _u16(gsub, 8)
    order: list[int] = []
    for i in range(_u16(gsub, feature_list)):
        record = feature_list + 2 + 6 * i
        if gsub[record : record + 4] in _DEFAULT_FEATURES:
            feature = feature_list + _u16(gsub, record + 4)
            order += [_u16(gsub, feature + 4 + 2 * k) for k in range(_u16(gsub, feature + 2))]
    order += range(_u16(gsub, lookups))
    order = list(dict.fromkeys(order))
    pairs = [
        pair
        for index in order
        for pair in _substitutions(gsub, lookups + _u16(gsub, lookups + 2 + 2 * index))
    ]
    known = dict(text_of)
    shaped: dict[int, str] = {}
    while True:
        found = {
            glyph: "".join(known[source] for source in sources)
            for sources, glyph in pairs
            if glyph not in known and all(source in known for source in sources)
        }
        if not found:
            return shaped
        for glyph, text in found.items():
            known.setdefault(glyph, text)
            shaped.setdefault(glyph, text)


def _substitutions(gsub: bytes, lookup: int) -> Iterator[tuple[tuple[int, ...], int]]:
    """(glyphs in, glyph out) of one lookup: single, alternate and ligature substitutions."""
    kind = _u16(gsub, lookup)
    for k in range(_u16(gsub, lookup + 4)):
        at, sub_kind = lookup + _u16(gsub, lookup + 6 + 2 * k), kind
        if sub_kind == _EXTENSION:
            sub_kind, at = _u16(gsub, at + 2), at + _u32(gsub, at + 4)
        if sub_kind not in (_SINGLE, _ALTERNATE, _LIGATURE):
            continue
        covered = _coverage(gsub, at + _u16(gsub, at + 2))
        if sub_kind == _SINGLE and _u16(gsub, at) == 1:
            delta = struct.unpack_from(">h", gsub, at + 4)[0]
            yield from (((glyph,), (glyph + delta) & 0xFFFF) for glyph in covered)
        elif sub_kind == _SINGLE:
            yield from (((glyph,), _u16(gsub, at + 6 + 2 * i)) for i, glyph in enumerate(covered))
        elif sub_kind == _ALTERNATE:
            for i, glyph in enumerate(covered):
                alternates = at + _u16(gsub, at + 6 + 2 * i)
                yield from (
                    ((glyph,), _u16(gsub, alternates + 2 + 2 * n)) for n in range(_u16(gsub, alternates))
                )
        elif sub_kind == _LIGATURE:
            for i, glyph in enumerate(covered):
                ligatures = at + _u16(gsub, at + 6 + 2 * i)
                for n in range(_u16(gsub, ligatures)):
                    ligature = ligatures + _u16(gsub, ligatures + 2 + 2 * n)
                    parts = [_u16(gsub, ligature + 4 + 2 * c) for c in range(_u16(gsub, ligature + 2) - 1)]
                    yield (glyph, *parts), _u16(gsub, ligature)


def _coverage(gsub: bytes, at: int) -> list[int]:
    if _u16(gsub, at) == 1:
        return [_u16(gsub, at + 4 + 2 * i) for i in range(_u16(gsub, at + 2))]
    glyphs: list[int] = []
    for i in range(_u16(gsub, at + 2)):
        first, last = _u16(gsub, at + 4 + 6 * i), _u16(gsub, at + 6 + 6 * i)
        glyphs += range(first, last + 1)
    return glyphs


def _checksum(data: bytes) -> int:
    padded = data + bytes(-len(data) % 4)
    total: int = sum(struct.unpack(f">{len(padded) // 4}L", padded))
    return total & 0xFFFFFFFF


def _sfnt(flavour: bytes, contents: dict[bytes, bytes]) -> bytes:
    """An OpenType file of `contents`, with its checksums."""
    count = len(contents)
    power = 1 << (count.bit_length() - 1)
    directory = flavour + struct.pack(
        ">HHHH", count, 16 * power, power.bit_length() - 1, 16 * (count - power)
    )
    body = b""
    head_at = 0
    for tag in sorted(contents):
        table = contents[tag]
        if tag == b"head":
            table = table[:8] + bytes(4) + table[12:]
            head_at = 12 + 16 * count + len(body)
        directory += struct.pack(">4sLLL", tag, _checksum(table), 12 + 16 * count + len(body), len(table))
        body += table + bytes(-len(table) % 4)
    font = directory + body
    adjustment = (0xB1B0AFBA - _checksum(font)) & 0xFFFFFFFF
    return font[: head_at + 8] + struct.pack(">L", adjustment) + font[head_at + 12 :]


# The finished PDF: its fonts' ToUnicode maps, mended in an update appended to the file.


def mend_text_layer(path: Path, texts: dict[str, dict[str, str]]) -> None:
    """Private-use characters of the handout's fonts become the text they stand for; a tab
    (Qt's first character for the space glyph) becomes a space."""
    data = path.read_bytes()
    offsets, previous = _xref(data)
    updates: dict[int, bytes] = {}
    for offset in offsets.values():
        head = data[offset : min(_find(data, b"stream", offset), _find(data, b"endobj", offset))]
        reference = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", head)
        if reference is None:
            continue
        font = re.search(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", head)
        private = texts.get(font.group(1).decode("latin-1"), {}) if font else {}
        number = int(reference.group(1))
        stream = _stream(data, offsets, number)
        if stream is None:
            continue
        glyphs = _read_to_unicode(stream)
        mended = {glyph: "".join(_mend(char, private) for char in text) for glyph, text in glyphs.items()}
        if mended != glyphs:
            updates[number] = _to_unicode(mended)
    if not updates:
        return
    update = b"\n"
    places: dict[int, int] = {}
    for number, stream in sorted(updates.items()):
        places[number] = len(data) + len(update)
        update += b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
            number,
            len(stream),
            stream,
        )
    xref_at = len(data) + len(update)
    update += b"xref\n" + b"".join(b"%d 1\n%010d 00000 n \n" % (n, at) for n, at in places.items())
    trailer = data[data.rindex(b"trailer") + 7 : data.rindex(b"startxref")].strip()
    trailer = re.sub(rb"/Prev\s+\d+", b"", trailer[: trailer.rindex(b">>")])
    update += b"trailer\n%s/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (trailer, previous, xref_at)
    with path.open("ab") as stream_out:
        stream_out.write(update)


def _mend(char: str, private: dict[str, str]) -> str:
    if char in private:
        return private[char]
    return " " if char != "\0" and unicodedata.category(char) == "Cc" else char


def _find(data: bytes, word: bytes, start: int) -> int:
    at = data.find(word, start)
    return len(data) if at < 0 else at


def _xref(data: bytes) -> tuple[dict[int, int], int]:
    """Where each object starts, from the file's (last) cross-reference table; and where that is."""
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    if not data.startswith(b"xref", start):
        raise ValueError("the PDF has no cross-reference table")
    tokens = data[start + 4 : data.index(b"trailer", start)].split()
    offsets: dict[int, int] = {}
    i = 0
    while i < len(tokens):
        first, count = int(tokens[i]), int(tokens[i + 1])
        for k in range(count):
            offset, kind = tokens[i + 2 + 3 * k], tokens[i + 4 + 3 * k]
            if kind == b"n":
                offsets[first + k] = int(offset)
        i += 2 + 3 * count
    return offsets, start


def _stream(data: bytes, offsets: dict[int, int], number: int) -> bytes | None:
    at = offsets[number]
    begin = data.index(b"stream", at)
    head = data[at:begin]
    length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head)
    if length is None or (b"/Filter" in head and b"/FlateDecode" not in head):
        return None
    size = int(length.group(1))
    if length.group(2):
        size = int(re.findall(rb"obj\s*(\d+)", data[offsets[size] : offsets[size] + 64])[0])
    begin += 6 + (2 if data.startswith(b"\r\n", begin + 6) else 1)
    raw = data[begin : begin + size]
    return zlib.decompress(raw) if b"/FlateDecode" in head else raw


def _utf16(digits: bytes) -> str:
    return bytes.fromhex(digits.decode("ascii")).decode("utf-16-be", "replace")


def _read_to_unicode(cmap: bytes) -> dict[int, str]:
    glyphs: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for source, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            glyphs[int(source, 16)] = _utf16(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, target in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block
        ):
            start = int(first, 16)
            if target.startswith(b"["):
                for i, text in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", target)):
                    glyphs[start + i] = _utf16(text)
            else:
                text = _utf16(target[1:-1])
                for i in range(int(last, 16) - start + 1):
                    glyphs[start + i] = text[:-1] + chr(ord(text[-1]) + i) if text else ""
    return glyphs


def _to_unicode(glyphs: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    entries = sorted((glyph, text) for glyph, text in glyphs.items() if text)
    for first in range(0, len(entries), 100):
        chunk = entries[first : first + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{glyph:04X}> <{text.encode('utf-16-be').hex().upper()}>" for glyph, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")
