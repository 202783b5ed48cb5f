"""Ruff (lint and format) and mypy --strict stay clean, as configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600)


def test_ruff_lint_and_format() -> None:
    ruff = str(Path(sys.executable).parent / "ruff")
    lint = _run(ruff, "check", "kiosk", "tests", "scripts", "bench")
    assert lint.returncode == 0, lint.stdout
    formatted = _run(ruff, "format", "--check", "kiosk", "tests", "scripts", "bench")
    assert formatted.returncode == 0, formatted.stdout


def test_mypy_strict() -> None:
    result = _run(sys.executable, "-m", "mypy", "kiosk")
    assert result.returncode == 0, result.stdout
