"""The admin PIN fails closed: no damaged settings file opens the admin panel with the published
default PIN, the lockout survives a restart, every wrong PIN and lockout is logged without its
digits, `kiosk set-pin` reaches a kiosk that is already running, and kiosk mode will not start
while the published default PIN would open the admin panel."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.showfloor.admin_pin import (
    DEFAULT_PIN,
    LOCKOUT_S,
    MAX_ATTEMPTS,
    PinGate,
    default_pin_opens,
    hash_pin,
)
from kiosk.system.settings import Settings, backup_path

PIN_A, PIN_B = "4711", "8642"
SALT_A, HASH_A = hash_pin(PIN_A)
SALT_B, HASH_B = hash_pin(PIN_B)
CLOSED = "accepts no PIN at all until `kiosk set-pin` is run"
DEFAULT_WARNING = f"the default admin PIN {DEFAULT_PIN}"


class Clocks:
    """The monotonic clock restarts with the machine; the wall clock goes on."""

    def __init__(self) -> None:
        self.now = 100.0
        self.wall_now = 1_800_000_000.0

    def clock(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.wall_now

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.wall_now += seconds

    def reboot(self) -> None:
        self.now = 3.0


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


@pytest.fixture
def caplog(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO)
    return caplog


@pytest.fixture
def gate_for(tmp_path: Path, clocks: Clocks) -> Callable[[Path], PinGate]:
    """A kiosk start: the settings read from `path`, the gate's state in the state folder."""

    def start(path: Path) -> PinGate:
        state = tmp_path / "state" / PinGate.STATE_FILE
        return PinGate.for_settings(Settings.load(path), clocks.clock, state, clocks.wall)

    return start


def set_pin(path: Path, salt: str, digest: str) -> None:
    """What `kiosk set-pin` does to the file."""
    replace(Settings.load(path), pin_salt=salt, pin_hash=digest).save(path)


def test_a_machine_without_a_pin_uses_the_default_and_warns_at_every_start(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    assert gate_for(path).check(DEFAULT_PIN)
    Settings(default_language="en").save(path)
    assert gate_for(path).check(DEFAULT_PIN)
    warnings = [r for r in caplog.records if DEFAULT_WARNING in r.getMessage()]
    assert len(warnings) == 2
    assert all(r.levelno == logging.WARNING for r in warnings)


def _damage(path: Path, how: str) -> None:
    text = path.read_text(encoding="utf-8")
    damaged = {
        "truncated": text[: text.index(HASH_A) + 10],
        "not JSON": text.replace(":", "=", 1),
        "a list": json.dumps(list(json.loads(text).values())),
        "null": "null",
        "a wrong-typed hash": json.dumps({**json.loads(text), "pin_hash": int(HASH_A[:12], 16)}),
        "an empty salt": json.dumps({**json.loads(text), "pin_salt": ""}),
        "a non-hex salt": json.dumps({**json.loads(text), "pin_salt": "zz" * 16}),
        "a short hash": json.dumps({**json.loads(text), "pin_hash": HASH_A[:40]}),
    }[how]
    path.write_text(damaged, encoding="utf-8")


# The attacker's review's five, then salts and hashes of the wrong shape.
DAMAGES = (
    "truncated",
    "not JSON",
    "a list",
    "null",
    "a wrong-typed hash",
    "an empty salt",
    "a non-hex salt",
    "a short hash",
)


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_pin_with_no_good_copy_opens_nothing(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], caplog: pytest.LogCaptureFixture, how: str
) -> None:
    path = tmp_path / "settings.json"
    set_pin(path, SALT_A, HASH_A)  # the first save: there is no last good copy yet
    assert not backup_path(path).exists()
    _damage(path, how)
    gate = gate_for(path)
    assert gate.accepts_none
    assert not gate.check(DEFAULT_PIN)
    assert not gate.check(PIN_A)  # nothing at all: what the file held cannot be trusted
    closed = [r for r in caplog.records if CLOSED in r.getMessage() and "pad closed" in r.getMessage()]
    assert len(closed) == 1
    assert closed[0].levelno == logging.ERROR
    assert DEFAULT_WARNING not in caplog.text


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_pin_gives_way_to_the_last_good_copy(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], caplog: pytest.LogCaptureFixture, how: str
) -> None:
    path = tmp_path / "settings.json"
    set_pin(path, SALT_A, HASH_A)
    Settings.load(path).save(path)  # a later save (the admin's language): the first is the copy
    _damage(path, how)
    gate = gate_for(path)
    assert not gate.check(DEFAULT_PIN)
    assert gate.check(PIN_A)
    assert str(backup_path(path)) in caplog.text
    assert DEFAULT_WARNING not in caplog.text


def test_settings_gone_after_a_pin_was_set_do_not_bring_the_default_back(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    set_pin(path, SALT_A, HASH_A)
    running = gate_for(path)
    assert running.check(PIN_A)
    path.unlink()
    assert not running.check(DEFAULT_PIN)  # noticed at the next PIN, in the running kiosk
    assert running.accepts_none
    restarted = gate_for(path)  # and after a restart: the state folder remembers a PIN was set
    assert restarted.accepts_none
    assert not restarted.check(DEFAULT_PIN)
    assert "records that one was set" in caplog.text
    set_pin(path, SALT_B, HASH_B)
    assert restarted.check(PIN_B)


def test_wrong_pins_and_the_lockout_are_logged_without_the_digits(
    gate_for: Callable[[Path], PinGate], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    gate = gate_for(tmp_path / "settings.json")
    for _ in range(MAX_ATTEMPTS):
        assert not gate.check("918273")
    messages = [r.getMessage() for r in caplog.records if r.name == "kiosk.showfloor.admin_pin"]
    assert [m for m in messages if m.startswith("wrong admin PIN")] == [
        f"wrong admin PIN, {n} of {MAX_ATTEMPTS} before a {LOCKOUT_S:.0f} s lockout"
        for n in range(1, MAX_ATTEMPTS + 1)
    ]
    assert f"admin PIN pad locked for {LOCKOUT_S:.0f} s after {MAX_ATTEMPTS} wrong PINs" in messages
    assert "918273" not in caplog.text


def test_the_lockout_outlives_a_restart(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], clocks: Clocks, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    gate = gate_for(path)
    for _ in range(MAX_ATTEMPTS):
        gate.check("0000")
    assert gate.seconds_locked() == LOCKOUT_S
    clocks.advance(20)
    clocks.reboot()
    restarted = gate_for(path)
    assert restarted.seconds_locked() == pytest.approx(LOCKOUT_S - 20)
    assert not restarted.check(DEFAULT_PIN)  # the right PIN too, while locked
    assert "still locked for 40 s" in caplog.text
    clocks.advance(41)
    assert restarted.check(DEFAULT_PIN)


def test_mistakes_before_a_restart_still_count(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], clocks: Clocks
) -> None:
    path = tmp_path / "settings.json"
    gate = gate_for(path)
    for _ in range(MAX_ATTEMPTS - 1):
        gate.check("0000")
    clocks.reboot()
    restarted = gate_for(path)
    assert not restarted.check("0000")
    assert restarted.seconds_locked() == LOCKOUT_S


def test_a_wall_clock_set_back_does_not_stretch_the_lockout(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], clocks: Clocks
) -> None:
    path = tmp_path / "settings.json"
    gate = gate_for(path)
    for _ in range(MAX_ATTEMPTS):
        gate.check("0000")
    clocks.wall_now -= 86_400
    assert gate_for(path).seconds_locked() == LOCKOUT_S


@pytest.mark.parametrize("state", ["{", "[]", '{"failures": "x", "locked_until": NaN}'])
def test_a_damaged_lockout_state_is_logged_and_survived(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], state: str
) -> None:
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / PinGate.STATE_FILE).write_text(state, encoding="utf-8")
    gate = gate_for(tmp_path / "settings.json")
    assert gate.seconds_locked() == 0
    assert gate.check(DEFAULT_PIN)


def test_set_pin_reaches_a_running_gate(
    tmp_path: Path, gate_for: Callable[[Path], PinGate], caplog: pytest.LogCaptureFixture
) -> None:
    """Two writes of the settings, one gate: the second PIN counts from the next check on."""
    path = tmp_path / "settings.json"
    set_pin(path, SALT_A, HASH_A)
    gate = gate_for(path)
    assert gate.check(PIN_A)
    set_pin(path, SALT_B, HASH_B)
    assert gate.check(PIN_B)
    assert not gate.check(PIN_A)
    assert f"settings {path} changed: admin PIN: the one set with `kiosk set-pin`" in caplog.text


def test_kiosk_set_pin_opens_a_closed_pad_and_ends_the_default_warning(
    tmp_path: Path,
    gate_for: Callable[[Path], PinGate],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "settings.json"
    monkeypatch.setenv("KIOSK_SETTINGS", str(path))
    assert main(["set-pin", "--pin", DEFAULT_PIN]) == 2  # the published one is no PIN of its own
    assert not path.exists()
    path.write_text("null", encoding="utf-8")
    running = gate_for(path)
    assert running.accepts_none
    assert main(["set-pin", "--pin", PIN_B]) == 0
    assert "a running kiosk takes it from the next PIN entered" in capsys.readouterr().out
    assert running.check(PIN_B)
    caplog.clear()
    restarted = gate_for(path)
    assert not restarted.check(DEFAULT_PIN)
    assert restarted.check(PIN_B)
    assert DEFAULT_WARNING not in caplog.text
    assert CLOSED not in caplog.text


# ---- kiosk mode needs the kiosk's own PIN ----------------------------------------------------


def test_only_a_machine_that_never_had_a_pin_falls_to_the_default(tmp_path: Path) -> None:
    path, state = tmp_path / "settings.json", tmp_path / "state" / PinGate.STATE_FILE
    state.parent.mkdir()
    assert default_pin_opens(Settings.load(path), state)
    Settings(default_language="en").save(path)
    assert default_pin_opens(Settings.load(path), state)
    set_pin(path, SALT_A, HASH_A)
    assert not default_pin_opens(Settings.load(path), state)
    _damage(path, "a short hash")  # fails closed: no PIN opens it, the default neither
    assert not default_pin_opens(Settings.load(path), state)
    # No settings at all, on a machine whose state folder remembers a PIN: closed, not the default.
    fresh = tmp_path / "elsewhere" / "settings.json"
    state.write_text(json.dumps({"failures": 0, "pin_was_set": False}), encoding="utf-8")
    assert default_pin_opens(Settings.load(fresh), state)
    state.write_text(json.dumps({"failures": 0, "pin_was_set": True}), encoding="utf-8")
    assert not default_pin_opens(Settings.load(fresh), state)


def _environment(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_SETTINGS": str(home / "settings.json"),
        **{f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("CONFIG", "DATA", "STATE", "CACHE")},
    }


def _start(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        env=_environment(tmp_path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_for_line(process: subprocess.Popen[str], text: str, seconds: float = 60) -> list[str]:
    """The output up to the first line holding `text` (the kiosk keeps running)."""
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if text in line:
            return lines
    raise AssertionError(f"no line with {text!r} in:\n{''.join(lines)}")


def _stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    return process.communicate(timeout=30)[0]


def test_kiosk_mode_refuses_the_published_default_pin(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk"],
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"kiosk: will not start in kiosk mode with the default admin PIN {DEFAULT_PIN}"
    )
    assert "kiosk set-pin" in result.stderr
    assert "kiosk --allow-default-pin" in result.stderr
    assert "kiosk --windowed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "home" / "state" / "zgc-kiosk" / "start-journal.log").exists()  # not a start


def test_a_demonstration_may_use_the_default_pin_and_is_told_how_to_leave(tmp_path: Path) -> None:
    process = _start(tmp_path, "--allow-default-pin")
    try:
        said = "".join(_wait_for_line(process, "display blanking"))  # after the first frame
    finally:
        output = _stop(process)
    assert f"hold the top-left corner for 3 s, enter {DEFAULT_PIN}, then Exit twice" in said
    assert process.returncode == 0, output


def test_a_window_starts_with_the_default_pin(tmp_path: Path) -> None:
    process = _start(tmp_path, "--windowed", "--size", "800x600")
    try:
        said = "".join(_wait_for_line(process, "opens the admin panel"))  # the show floor is up
    finally:
        _stop(process)
    assert "will not start" not in said
    assert "hold the top-left corner" not in said


def test_set_pin_then_kiosk_mode_starts(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin", "--pin", PIN_A],
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "staff leave by holding the top-left corner for 3 s, then this PIN" in result.stdout
    process = _start(tmp_path)
    try:
        said = "".join(_wait_for_line(process, "display blanking"))
    finally:
        _stop(process)
    assert "admin PIN: the one set with `kiosk set-pin`" in said
