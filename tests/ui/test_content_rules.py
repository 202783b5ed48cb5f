"""Validation rules that need files on disk or Qt: assets inside their folder, of an allowed
type, decodable within limits; markup shown literally; another park's content."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from visible import visible_texts

from kiosk.app.render import render_pages
from kiosk.content import ContentError, load_content
from kiosk.system.image_check import check_image
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.text import Paragraph

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
MakeWindow = Callable[..., MainWindow]
Writer = Callable[..., Path]


def _problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(path, check_image)
    return [str(problem) for problem in caught.value.problems]


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims to be width x height: an image bomb's header, without the bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_absolute_paths_are_refused(write_content: Writer, content_dict: dict[str, Any]) -> None:
    data = json.loads(json.dumps(content_dict))
    data["visions"][0]["icon"] = "/etc/passwd"
    problems = _problems(write_content(data))
    assert problems == ["visions[0].icon: '/etc/passwd' is an absolute path; give a path under assets/"]


def test_symlinks_out_of_the_assets_are_refused(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "assets" / "icons" / "sneaky.svg").symlink_to(outside)
    data = json.loads(json.dumps(content_dict))
    data["visions"][0]["icon"] = "icons/sneaky.svg"
    assert _problems(write_content(data)) == [
        "visions[0].icon: 'icons/sneaky.svg' points outside the assets folder"
    ]


def test_other_file_types_are_refused(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    (tmp_path / "assets" / "icons" / "notes.txt").write_text("hello", encoding="utf-8")
    data = json.loads(json.dumps(content_dict))
    data["visions"][0]["icon"] = "icons/notes.txt"
    assert _problems(write_content(data))[0].startswith("visions[0].icon: 'icons/notes.txt' is not an image")


@pytest.mark.qt_log_ignore("Cannot read file .*broken.svg")  # QtSvg's own word on the broken file
def test_an_image_bomb_is_refused_quickly(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    (tmp_path / "assets" / "tours" / "huge.png").write_bytes(_png_header(60_000, 60_000))
    (tmp_path / "assets" / "tours" / "broken.svg").write_text("<svg", encoding="utf-8")
    data = json.loads(json.dumps(content_dict))
    data["tours"][0]["diagram"] = "tours/huge.png"
    data["tours"][1]["diagram"] = "tours/broken.svg"
    problems = _problems(write_content(data))
    assert "tours[0].diagram: tours/huge.png: 60000x60000 px is larger than 8192 px a side" in problems
    assert "tours[1].diagram: tours/broken.svg: not a valid SVG image" in problems


def test_markup_in_content_shows_literally(
    qtbot: QtBot, make_window: MakeWindow, write_content: Writer, content_dict: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(content_dict))
    markup = '<b>bold</b> <a href="https://example.org">link</a> <img src="x.png">'
    data["home"]["title"]["zh"] = markup
    data["visions"][0]["text"]["zh"] = markup + " &amp; <script>x</script>"
    window = make_window(loaded=load_content(write_content(data)))
    home = window.current_page
    assert home is not None
    # Shown as typed, tags and all; only its typewriter quotes are set as curly marks.
    shown = "<b>bold</b> <a href=“https://example.org”>link</a> <img src=“x.png”>"
    assert shown in visible_texts(home)
    labels = [label for label in window.findChildren(QLabel) if label.text()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    window.session.go_to("vision/innovative", direction=0)
    paragraphs = [p.text() for p in window.current_page.findChildren(Paragraph)]  # type: ignore[union-attr]
    assert shown + " &amp; <script>x</script>" in paragraphs


def test_another_park_renders_on_every_page(tmp_path: Path) -> None:
    assert render_pages(tmp_path, (1280, 800), "all", OTHER_PARK, None) == 0
    files = sorted(tmp_path.glob("*.png"))
    assert {f.name.split("_")[1] for f in files} == {"de", "en", "ar"}
    assert len([f for f in files if f.name.startswith("vision-")]) == 3 * 3


def test_another_park_is_walked_in_german_english_and_arabic(qtbot: QtBot, make_window: MakeWindow) -> None:
    loaded = load_content(OTHER_PARK, check_image)
    window = make_window(loaded=loaded, lang=None)
    assert window.session.language.current == "de"
    assert window.nav is not None
    assert window.nav.language_button.text() == "Deutsch"
    assert window.nav.home_button.text() == "Start"
    for lang in ("de", "en", "ar"):
        window.session.language.set(lang)
        for ref in window.session.refs:
            window.session.go_to(ref.id, direction=0)
            assert window.current_page is not None
    assert window.nav.language_button.text() == "العربية"
    assert len(loaded.content.visions) == 3
    assert len(loaded.content.tours) == 1
    assert len(loaded.content.figures) == 20
