"""`kiosk render` writes one non-blank PNG per page and step, in each language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.app.render import render_pages
from kiosk.content import LoadedContent
from kiosk.content.pages import page_order
from kiosk.ui.theme import Theme


def _distinct_colours(image: QImage) -> int:
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_render_writes_every_page(tmp_path: Path, bundled: LoadedContent, capsys: object) -> None:
    assert render_pages(tmp_path, (960, 540), "all", None, None) == 0
    content = bundled.content
    expected = 0
    for ref in page_order(content):
        steps = {
            "tour": lambda r: len(content.tours[[t.id for t in content.tours].index(r.key)].stops),
            "voices": lambda r: len(content.voices),
            "home": lambda r: Theme.for_size(960, 540).home_steps,  # a small panel: home in steps
        }.get(ref.type, lambda r: 1)(ref)
        expected += steps
    files = sorted(tmp_path.glob("*.png"))
    assert len(files) == expected * 2
    assert {f.name.split("_")[1] for f in files} == {"zh", "en"}
    for file in files:
        image = QImage(str(file))
        assert (image.width(), image.height()) == (960, 540)
        assert _distinct_colours(image) > 20, file.name


def test_render_one_page_and_language(tmp_path: Path) -> None:
    assert render_pages(tmp_path, (1080, 1920), "en", None, ["vision/green"]) == 0
    assert [f.name for f in tmp_path.glob("*.png")] == ["vision-green_en_1080x1920.png"]


def test_render_refuses_bad_content_and_unknown_pages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert render_pages(tmp_path / "out", (960, 540), "all", bad, None) == 1
    assert render_pages(tmp_path / "out", (960, 540), "all", None, ["nowhere"]) == 2
    assert render_pages(tmp_path / "out", (960, 540), "fr", None, None) == 2
