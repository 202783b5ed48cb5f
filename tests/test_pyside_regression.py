"""PySide6 6.12.0 aborts Python 3.11 after ~5,000 calls of void methods (None's refcount runs
out). The pin in pyproject.toml keeps it away; this test makes 20,000 such calls to prove the
installed Qt binding survives them. It runs in a child process, so an abort shows as a failure."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
for _ in range(20_000):
    widget.update()
    widget.setEnabled(True)
print("survived")
"""


def test_twenty_thousand_void_calls() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
