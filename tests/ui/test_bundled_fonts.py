"""With no font but the kiosk's own, every character of both parks (Chinese, English, German,
Arabic) and of the interface is drawn: fontconfig is pointed at an empty folder in a separate
process, which then renders every page and sets every text in the kiosk's fonts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.system.resources import default_content_path

WORKER = Path(__file__).with_name("bundled_fonts_worker.py")
OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
GENERIC_NAMES = {"Sans Serif", "Serif", "Monospace"}
ROOT = Path(__file__).resolve().parent.parent.parent


def _bundled_only(tmp_path: Path) -> dict[str, str]:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{empty}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _run_worker(tmp_path: Path, *args: str) -> dict[str, Any]:
    """Renders with the worker under fontconfig's empty folder; its report (the last line)."""
    done = subprocess.run(
        [sys.executable, str(WORKER), *args],
        env=_bundled_only(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_only_the_bundled_fonts_draw_every_character(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    out.mkdir()
    report = _run_worker(tmp_path, str(out), str(default_content_path()), str(OTHER_PARK))
    # Nothing but the kiosk's fonts was there to draw with (beside fontconfig's generic names,
    # which here stand for no file) ...
    assert set(report["families"]) - GENERIC_NAMES == {
        "Noto Sans",
        "Noto Sans Arabic UI",
        "Noto Sans CJK SC",
        "Noto Sans Hebrew",
    }
    # ... every page of both parks was drawn in every language ...
    assert report["pages"] >= 2 * 13
    assert len(list(out.glob("*_ar_*.png"))) >= 13
    # ... and no character came out as an empty box.
    assert report["missing"] == []


def test_without_the_bundled_fonts_arabic_is_empty_boxes(tmp_path: Path) -> None:
    """The check above can fail: without the Arabic font, the same worker finds the Arabic
    characters nothing draws, and only those."""
    fonts = tmp_path / "fonts-without-arabic"
    fonts.mkdir()
    for path in (ROOT / "assets" / "fonts").glob("*.*tf"):
        if "Arabic" not in path.name:
            (fonts / path.name).symlink_to(path)
    out = tmp_path / "pages"
    out.mkdir()
    report = _run_worker(tmp_path, str(out), "--fonts", str(fonts), str(OTHER_PARK))
    missing = {(item["lang"], item["char"]) for item in report["missing"]}
    assert ("ar", "ب") in missing
    assert all(lang == "ar" for lang, _ in missing)
