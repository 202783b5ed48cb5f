"""The installed package carries its content, artwork and fonts (a plain `pip install .`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kiosk.system.resources import bundled_dir, default_content_path, fonts_dir


def test_bundled_files_are_found() -> None:
    assert default_content_path().is_file()
    assert len(list(fonts_dir().glob("*.otf"))) == 2
    assert (bundled_dir("assets") / "tours" / "daxing.svg").is_file()


def test_installed_package_holds_assets_and_data(tmp_path: Path) -> None:
    """The copy `scripts/setup.sh` installed into the environment, away from the checkout."""
    probe = (
        "import json, pathlib, kiosk;"
        "from kiosk.system.resources import default_content_path, fonts_dir;"
        "print(json.dumps([str(pathlib.Path(kiosk.__file__).parent), str(default_content_path()),"
        " len(list(fonts_dir().glob('*.otf')))]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": ""},
        timeout=60,
    )
    package, content, fonts = json.loads(result.stdout)
    assert not (Path(package).parent / "pyproject.toml").exists(), f"not an installed copy: {package}"
    assert Path(content).is_file()
    assert Path(content).is_relative_to(package)
    assert fonts == 2


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


def test_the_interface_catalogs_travel_in_the_package() -> None:
    """The wheel holds every file of the `kiosk` package that git does not ignore."""
    import kiosk  # noqa: PLC0415
    from kiosk.i18n.strings import LOCALE_DIR, shipped_languages  # noqa: PLC0415

    assert LOCALE_DIR.is_relative_to(Path(kiosk.__file__).parent)
    catalogs = [
        LOCALE_DIR / lang / "LC_MESSAGES" / f"kiosk.{kind}"
        for lang in shipped_languages()
        for kind in ("po", "mo")
    ]
    assert len(catalogs) == 8
    ignored = subprocess.run(
        ["git", "check-ignore", *map(str, catalogs)], capture_output=True, text=True, check=False, timeout=60
    )
    assert ignored.stdout == "", ignored.stdout
