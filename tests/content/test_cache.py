"""The validated-content cache: used only when nothing that validation looked at has changed."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.content import LoadedContent, load_content
from kiosk.system import content_cache as cache_module
from kiosk.system.content_cache import ValidatedContentCache

Writer = Callable[..., Path]


@pytest.fixture
def stored(write_content: Writer, content_dict: dict[str, Any], tmp_path: Path) -> tuple[Path, LoadedContent]:
    path = write_content(content_dict)
    loaded = load_content(path)
    ValidatedContentCache(tmp_path / "cache").store(loaded)
    return path, loaded


def test_unchanged_content_comes_back_as_it_was_validated(
    stored: tuple[Path, LoadedContent], tmp_path: Path
) -> None:
    path, loaded = stored
    again = ValidatedContentCache(tmp_path / "cache").load(path)
    assert again == loaded
    assert again is not None
    assert again.content.visions[0].name["en"] == loaded.content.visions[0].name["en"]


def test_a_changed_byte_is_a_miss(stored: tuple[Path, LoadedContent], tmp_path: Path) -> None:
    path, _ = stored
    path.write_bytes(path.read_bytes() + b" ")
    assert ValidatedContentCache(tmp_path / "cache").load(path) is None


def test_a_touched_asset_is_a_miss(stored: tuple[Path, LoadedContent], tmp_path: Path) -> None:
    path, loaded = stored
    icon = loaded.asset(loaded.content.visions[0].icon)
    status = icon.stat()
    os.utime(icon, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    assert ValidatedContentCache(tmp_path / "cache").load(path) is None


def test_a_removed_asset_is_a_miss(stored: tuple[Path, LoadedContent], tmp_path: Path) -> None:
    path, loaded = stored
    loaded.asset(loaded.content.tours[0].diagram).unlink()
    assert ValidatedContentCache(tmp_path / "cache").load(path) is None


def test_new_rules_are_a_miss(
    stored: tuple[Path, LoadedContent], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = stored
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "a later kiosk")
    assert ValidatedContentCache(tmp_path / "cache").load(path) is None


def test_a_damaged_cache_file_is_a_miss(stored: tuple[Path, LoadedContent], tmp_path: Path) -> None:
    path, _ = stored
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(entry.read_bytes()[:200])
    assert ValidatedContentCache(tmp_path / "cache").load(path) is None


class _Planted:
    """A pickle that would run a command when loaded by a plain unpickler."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_cache_file_runs_nothing(stored: tuple[Path, LoadedContent], tmp_path: Path) -> None:
    path, _ = stored
    marker = tmp_path / "ran"
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(pickle.dumps({"fingerprint": "x", "assets": [], "loaded": _Planted(marker)}))
    assert ValidatedContentCache(tmp_path / "cache").load(path) is None
    assert not marker.exists()


def test_an_unwritable_cache_only_costs_time(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    path = write_content(content_dict)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    cache = ValidatedContentCache(blocked / "cache")
    cache.store(load_content(path))  # logs, does not raise
    assert cache.load(path) is None


def test_a_start_from_the_cache_never_imports_the_validator(tmp_path: Path) -> None:
    """The point of the cache: the first screen without pydantic's ~100 ms import."""
    code = (
        "import sys;"
        "from kiosk.app.boot import content_cache, load_or_report;"
        "loaded, error = load_or_report(None, content_cache());"
        "print(loaded is not None, 'pydantic' in sys.modules)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}

    def start() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60, env=env
        )
        return result.stdout.split() or [result.stderr[-2000:]]

    assert start() == ["True", "True"]  # the first start validates, and keeps the result
    assert start() == ["True", "False"]  # the next one shows it without the validator
