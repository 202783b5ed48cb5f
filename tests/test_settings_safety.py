"""Settings read back through checks like the content's: every value typed and ranged, each one
ignored named in the log with the default used, a damaged file replaced by its last good copy,
and saves that keep that copy and never undo a PIN set meanwhile."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.system.settings import Settings, backup_path

SALT, HASH = "ab" * 16, "cd" * 32  # well-formed: the settings check the shape, not the PIN


def write(path: Path, data: Any) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def caplog(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO)
    return caplog


@pytest.mark.parametrize(
    ("key", "value", "used"),
    [
        ("idle_timeout_s", 99999999999, "using 0"),  # overflowed Qt's timer: no admin corner, no reset
        ("idle_timeout_s", -5, "using 0"),  # reopened the countdown after every touch
        ("idle_timeout_s", True, "using 0"),  # was one second
        ("idle_timeout_s", 9, "using 0"),
        ("idle_timeout_s", 3601, "using 0"),
        ("idle_timeout_s", 60.5, "using 0"),
        ("idle_timeout_s", "60", "using 0"),
        ("default_language", "english", 'using ""'),
        ("default_language", 7, 'using ""'),
        ("default_language", "EN", 'using ""'),
        ("reduced_motion", 1, "using false"),
        ("reduced_motion", "yes", "using false"),
        ("reduced_motion", None, "using false"),
    ],
)
def test_a_bad_value_is_ignored_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, key: str, value: object, used: str
) -> None:
    path = write(tmp_path / "settings.json", {key: value})
    settings = Settings.load(path)
    assert getattr(settings, key) == getattr(Settings(), key)
    [line] = [r.getMessage() for r in caplog.records if key in r.getMessage()]
    assert f"{key} = {json.dumps(value)} ignored (" in line
    assert used in line
    assert str(path) in line


def test_good_values_pass(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = {"reduced_motion": True, "idle_timeout_s": 3600, "default_language": "en"}
    assert Settings.load(write(tmp_path / "settings.json", data)) == Settings(True, "", "", 3600, "en")
    assert Settings.load(write(tmp_path / "edge.json", {"idle_timeout_s": 10})).idle_timeout_s == 10
    assert Settings.load(write(tmp_path / "zero.json", {"idle_timeout_s": 0})).idle_timeout_s == 0
    assert not caplog.records


def test_a_long_value_is_cut_short_in_the_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    Settings.load(write(tmp_path / "settings.json", {"default_language": "x" * 5000}))
    [line] = [r.getMessage() for r in caplog.records]
    assert '"xxxxxxxx' in line
    assert "..." in line
    assert len(line) < 300


def test_unknown_keys_are_logged_ignored_and_dropped_at_the_next_save(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "settings.json", {"colour": "red", "reduced_motion": True})
    settings = Settings.load(path)
    assert settings == Settings(reduced_motion=True)
    assert "unknown key 'colour' ignored" in caplog.text
    settings.save(path)
    assert "colour" not in path.read_text(encoding="utf-8")


def test_uppercase_hex_is_read_as_the_same_pin(tmp_path: Path) -> None:
    path = write(tmp_path / "settings.json", {"pin_salt": SALT.upper(), "pin_hash": HASH.upper()})
    settings = Settings.load(path)
    assert (settings.pin_salt, settings.pin_hash) == (SALT, HASH)


DAMAGED = {
    "truncated": '{"reduced_motion": true, "pin_salt": "abab',
    "not JSON": "reduced_motion = true\n",
    "a list": "[1, 2]",
    "null": "null",
    "empty": "",
    "nested too deep": "[" * 100_000,
    "not UTF-8": b"\xff\xfe\x00{",
}


@pytest.mark.parametrize("damage", DAMAGED, ids=list(DAMAGED))
def test_a_damaged_file_falls_back_to_the_last_good_copy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    path = tmp_path / "settings.json"
    Settings(idle_timeout_s=120, pin_salt=SALT, pin_hash=HASH).save(path)
    Settings.load(path).save(path)  # the second save keeps the first as the last good copy
    assert json.loads(backup_path(path).read_text(encoding="utf-8"))["idle_timeout_s"] == 120
    raw = DAMAGED[damage]
    path.write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
    caplog.clear()
    settings = Settings.load(path)
    assert settings == Settings(idle_timeout_s=120, pin_salt=SALT, pin_hash=HASH)
    assert not settings.pin_lost
    [line] = [r.getMessage() for r in caplog.records]
    assert f"settings {path} " in line
    assert f"using the last good copy, {backup_path(path)}" in line


@pytest.mark.parametrize("damage", DAMAGED, ids=list(DAMAGED))
def test_without_a_copy_a_damaged_file_gives_defaults_and_no_pin(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    path = tmp_path / "settings.json"
    raw = DAMAGED[damage]
    path.write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
    settings = Settings.load(path)
    assert settings == Settings()
    assert settings.pin_lost  # it may have held a PIN: the default must not stand in for it
    assert "its last good copy" in caplog.text
    assert "is missing; using defaults" in caplog.text
    assert "the admin PIN cannot be read" in caplog.text
    assert "the default PIN does not stand in for it" in caplog.text


def test_only_a_clean_file_becomes_the_last_good_copy(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(default_language="en").save(path)
    Settings(default_language="zh").save(path)
    assert json.loads(backup_path(path).read_text(encoding="utf-8"))["default_language"] == "en"
    write(path, {"default_language": "zh", "idle_timeout_s": -5})  # edited by hand, wrongly
    Settings(default_language="de").save(path)
    assert json.loads(backup_path(path).read_text(encoding="utf-8"))["default_language"] == "en"
    assert Settings.load(path).default_language == "de"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json", "settings.json.bak"]


def test_a_stale_save_keeps_the_pin_set_meanwhile(tmp_path: Path) -> None:
    """The running kiosk read its settings at start; `kiosk set-pin` has stored a PIN since. The
    admin's language change must not write the old PIN (here: none) back."""
    path = tmp_path / "settings.json"
    Settings().save(path)
    at_start = Settings.load(path)
    replace(Settings.load(path), pin_salt=SALT, pin_hash=HASH).save(path)  # kiosk set-pin
    replace(at_start, default_language="en").save(path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert (written["pin_salt"], written["pin_hash"], written["default_language"]) == (SALT, HASH, "en")


def test_a_save_never_drops_a_pin_it_cannot_read(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path / "settings.json", {"pin_salt": SALT, "pin_hash": 12345})
    loaded = Settings.load(path)
    assert loaded.pin_lost
    replace(loaded, default_language="en").save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["pin_hash"] == 12345  # untouched
    assert "settings not saved" in caplog.text
    assert "run `kiosk set-pin` first" in caplog.text
    replace(loaded, pin_salt=SALT, pin_hash=HASH).save(path)  # kiosk set-pin repairs it
    assert not Settings.load(path).pin_lost


def test_no_pin_is_not_written_as_empty_strings(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(reduced_motion=True).save(path)
    assert "pin_" not in path.read_text(encoding="utf-8")
