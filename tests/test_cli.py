"""`kiosk validate`: 0 when valid, 1 with one located line per problem, 2 for bad usage."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, check=False, timeout=60
    )


def test_validate_bundled_content() -> None:
    result = _kiosk("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid (5 visions, 2 tours" in result.stdout


def test_validate_lists_every_problem(
    write_content: Callable[..., Path], content_dict: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(content_dict))
    del data["visions"][0]["headline"]["zh"]
    data["tours"][1]["stops"][0]["hotspot"]["x"] = 1.5
    path = write_content(data)
    result = _kiosk("validate", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{path}: visions[0].headline.zh: field required" in lines
    assert f"{path}: tours[1].stops[0].hotspot.x: input should be less than or equal to 1" in lines
    assert len(lines) == 2
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "content.json"
    path.write_text('{"meta": }', encoding="utf-8")
    result = _kiosk("validate", str(path))
    assert result.returncode == 1
    assert result.stdout.strip() == f"{path}: 1:10: JSON syntax error: Expecting value"


def test_bad_usage_exits_2() -> None:
    result = _kiosk("validate", "a.json", "b.json")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert _kiosk("render").returncode == 2  # --out is required
    assert _kiosk("--size", "huge").returncode == 2


def test_help_names_the_contents_languages() -> None:
    other_park = Path(__file__).parent / "other_park" / "content.json"
    languages = " or ".join(
        ", ".join(json.loads(other_park.read_text(encoding="utf-8"))["meta"]["languages"]).rsplit(", ", 1)
    )
    result = _kiosk("run", "--help", "--data", str(other_park))
    assert result.returncode == 0
    assert f"start language: {languages} (default:" in " ".join(result.stdout.split())
    bundled = " ".join(_kiosk("render", "--help").stdout.split())
    assert "--lang LANG zh, en or all (default: all)" in bundled


def test_validate_counts_in_the_singular_where_there_is_one(
    write_content: Callable[..., Path], content_dict: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(content_dict))
    data["tours"] = data["tours"][:1]
    data["slideshow"]["slides"] = []  # every page in order: none names the tour left out
    result = _kiosk("validate", str(write_content(data)))
    assert result.returncode == 0, result.stdout
    assert ", 1 tour, " in result.stdout
