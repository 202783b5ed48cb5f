"""Per-machine settings: defaults when missing or broken, and writes that land whole."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.system.safe_write import write_text_atomically
from kiosk.system.settings import Settings


def test_missing_and_broken_files_give_defaults(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert Settings.load(tmp_path / "none.json") == Settings()
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    assert Settings.load(broken) == Settings()
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"reduced_motion": "yes", "colour": 1}), encoding="utf-8")
    assert Settings.load(wrong) == Settings()
    assert "unknown key 'colour'" in caplog.text


def test_save_then_load(tmp_path: Path) -> None:
    path = tmp_path / "deeper" / "settings.json"
    Settings(reduced_motion=True).save(path)
    assert Settings.load(path).reduced_motion is True
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary left


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old", encoding="utf-8")

    def power_cut(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="disk full"):
        write_text_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
