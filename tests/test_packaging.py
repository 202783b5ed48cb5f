"""The installed package carries its content, artwork and fonts (a plain `pip install .`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import kiosk
from kiosk.resources import bundled_dir, default_content_path, fonts_dir

PACKAGE_DIR = Path(kiosk.__file__).resolve().parent
SOURCE_CHECKOUT = (PACKAGE_DIR.parent / "pyproject.toml").exists()


def test_bundled_files_are_found() -> None:
    assert default_content_path().is_file()
    assert len(list(fonts_dir().glob("*.otf"))) == 2
    assert (bundled_dir("assets") / "tours" / "daxing.svg").is_file()


@pytest.mark.skipif(SOURCE_CHECKOUT, reason="running from a source checkout (editable install)")
def test_installed_package_holds_assets_and_data() -> None:
    assert (PACKAGE_DIR / "data" / "content.json").is_file()
    assert (PACKAGE_DIR / "assets" / "fonts").is_dir()
    assert default_content_path().is_relative_to(PACKAGE_DIR)


def test_validates_from_any_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": ""},
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
