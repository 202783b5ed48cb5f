"""The published JSON Schema matches the model; the content layer never imports Qt."""

from __future__ import annotations

import json
import subprocess
import sys

from kiosk.content.schema import content_schema
from kiosk.resources import bundled_dir


def test_schema_file_is_in_sync_with_the_model() -> None:
    published = json.loads((bundled_dir("data") / "content.schema.json").read_text(encoding="utf-8"))
    assert published == content_schema(), "run: python -m kiosk.content.schema data/content.schema.json"


def test_content_layer_imports_no_qt() -> None:
    code = (
        "import sys, kiosk.content, kiosk.content.numbers, kiosk.content.pages, kiosk.content.schema;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
