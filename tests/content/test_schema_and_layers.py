"""The published JSON Schema matches the model; the package keeps its layers (import-linter)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content.schema import content_schema
from kiosk.system.resources import bundled_dir

ROOT = Path(__file__).resolve().parents[2]


def test_schema_file_is_in_sync_with_the_model() -> None:
    published = json.loads((bundled_dir("data") / "content.schema.json").read_text(encoding="utf-8"))
    assert published == content_schema(), "run: python -m kiosk.content.schema data/content.schema.json"


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter with the contracts in pyproject.toml, on the package under `root`."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--config", str(ROOT / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("content/model.py", "import PySide6.QtCore", "content and interface text are pure Python"),
        ("i18n/numbers.py", "import pyqtgraph", "content and interface text are pure Python"),
        ("ui/theme.py", "import kiosk.showfloor.floor", "kiosk layers"),
        ("content/pages.py", "import kiosk.content.loader", "no import cycles between sibling modules"),
    ],
)
def test_a_broken_layer_fails_the_contracts(tmp_path: Path, module: str, line: str, contract: str) -> None:
    """The contracts can fail: the same package with one forbidden import added is refused."""
    shutil.copytree(ROOT / "kiosk", tmp_path / "kiosk", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "kiosk" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert f"{contract} BROKEN" in result.stdout, result.stdout
