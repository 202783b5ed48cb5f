"""Per-machine settings of the kiosk (pure Python): a small JSON file in the user's config folder.

Content says what the exhibit shows; settings say how this machine shows it. They are read
through checks, like the content: a value of the wrong type or out of range is ignored with one
log line naming it and the default used instead; a file that cannot be read at all gives way to
the last good copy kept beside it (settings.json.bak); nothing in them stops the kiosk.

The admin PIN fails closed: a PIN that was stored but cannot be read (or a file that cannot be
read, which may have held one) never gives way to the published default (`Settings.pin_lost`).
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from kiosk.content.files import read_limited
from kiosk.system.opening_hours import Schedule
from kiosk.system.safe_write import write_atomically, write_text_atomically

log = logging.getLogger(__name__)

APP_NAME = "zgc-kiosk"
IDLE_TIMEOUT_RANGE = (10, 3600)  # seconds: the content's own idle_timeout_s range
PIN_HEX_DIGITS = {"pin_salt": 32, "pin_hash": 64}  # kiosk set-pin's 16-byte salt, a SHA-256
_SHOWN = 40  # characters of a rejected value quoted in the log: enough to recognise it
_LANGUAGE = re.compile(r"[a-z]{2}")  # as the content's language codes
_HEX = re.compile(r"[0-9a-fA-F]+")

# A settings file is a few hundred bytes; anything far larger, or not a regular file (a pipe,
# a device), is refused unread rather than allowed to block or fill the start.
MAX_SETTINGS_BYTES = 1_000_000


def settings_path() -> Path:
    override = os.environ.get("KIOSK_SETTINGS")
    return Path(override) if override else user_config_path(APP_NAME) / "settings.json"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _bool_problem(value: Any) -> str | None:
    return None if isinstance(value, bool) else "not true or false"


def _idle_problem(value: Any) -> str | None:
    # bool is an int to Python, and `true` would have meant a one-second timeout.
    if isinstance(value, bool) or not isinstance(value, int):
        return "not a whole number of seconds"
    low, high = IDLE_TIMEOUT_RANGE
    if value != 0 and not low <= value <= high:
        return f"outside {low}..{high} seconds, or 0 for the content's"
    return None


def _language_problem(value: Any) -> str | None:
    if isinstance(value, str) and (value == "" or _LANGUAGE.fullmatch(value)):
        return None
    return 'not a two-letter language code such as "en"'


def _kiosk_id_problem(value: Any) -> str | None:
    if isinstance(value, str) and len(value) <= 64 and value.isprintable() and value == value.strip():
        return None
    return "not a name of up to 64 printable characters"


def _opening_hours_problem(value: Any) -> str | None:
    return Schedule.parse(value)[1]


# Every setting but the PIN (checked as a pair): its check, and what an ignored value gives way to.
_CHECKS: dict[str, tuple[Callable[[Any], str | None], str]] = {
    "reduced_motion": (_bool_problem, "false"),
    "idle_timeout_s": (_idle_problem, "0 (the content's timeout)"),
    "default_language": (_language_problem, '"" (the content\'s default language)'),
    "kiosk_id": (_kiosk_id_problem, '"" (the host name)'),
    "opening_hours": (_opening_hours_problem, "{} (open all the time)"),
}


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return "true or false" if isinstance(value, bool) else "a number"


@dataclass
class _Reading:
    """One settings file as read: its bytes and what the checks made of them."""

    path: Path
    raw: bytes | None = None  # None: missing, or unreadable (then `error` says why)
    error: str = ""  # why the file as a whole cannot be used
    values: dict[str, Any] = field(default_factory=dict)  # the good values but the PIN's
    pin: tuple[str, str] | None = None  # (salt, hash), when stored and readable
    pin_stored: bool = False  # PIN values present, readable or not
    damaged: bool = False  # a known value was ignored
    lines: list[str] = field(default_factory=list)  # one per value or key ignored

    @property
    def exists(self) -> bool:
        return self.raw is not None or bool(self.error)

    @property
    def usable(self) -> bool:
        return self.raw is not None and not self.error

    @property
    def good(self) -> bool:
        return self.usable and not self.damaged


def _read(path: Path) -> _Reading:
    reading = _Reading(path)
    try:
        raw = read_limited(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return reading
    except OSError as error:
        reading.error = f"cannot be read ({error.strerror or error})"
        return reading
    reading.raw = raw
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        reading.error = "is empty" if not raw.strip() else f"is not JSON ({str(error)[:80]})"
        return reading
    if not isinstance(data, dict):
        reading.error = f"holds {_kind(data)}, not a JSON object"
        return reading
    for key, value in data.items():
        if key in _CHECKS:
            check, default = _CHECKS[key]
            problem = check(value)
            if problem is None:
                reading.values[key] = value
            else:
                reading.damaged = True
                reading.lines.append(f"{key} = {_shown(value)} ignored ({problem}); using {default}")
        elif key not in PIN_HEX_DIGITS:
            reading.lines.append(f"unknown key {key[:_SHOWN]!r} ignored (the next save drops it)")
    _read_pin(reading, data)
    return reading


def _read_pin(reading: _Reading, data: dict[str, Any]) -> None:
    stored = {key: data.get(key, "") for key in PIN_HEX_DIGITS}
    if all(value == "" for value in stored.values()):
        return  # none set (files before this check wrote empty strings)
    reading.pin_stored = True
    readable = True
    for key, digits in PIN_HEX_DIGITS.items():
        value = stored[key]
        if not (isinstance(value, str) and len(value) == digits and _HEX.fullmatch(value)):
            readable, reading.damaged = False, True
            reading.lines.append(f"{key} = {_shown(value)} ignored (not {digits} hex digits)")
    if readable:
        reading.pin = (str(stored["pin_salt"]).lower(), str(stored["pin_hash"]).lower())


@dataclass
class _Found:
    """What a settings file and its last good copy add up to."""

    values: dict[str, Any]
    pin: tuple[str, str] | None
    pin_lost: bool
    lines: list[str]


def _resolve(main: _Reading, backup: _Reading) -> _Found:
    lines: list[str] = []
    base = main if main.usable else backup if backup.usable else None
    if not main.usable and (main.exists or backup.exists):
        what = f"settings {main.path} {main.error or 'is missing'}"
        if base is backup:
            lines.append(f"{what}; using the last good copy, {backup.path}")
        else:
            copy = f"its last good copy {backup.path} {backup.error or 'is missing'}"
            lines.append(f"{what}, {copy}; using defaults")
    if base is not None:
        lines += [f"settings {base.path}: {line}" for line in base.lines]
    pin, lost = _pin(main, backup, lines)
    return _Found(dict(base.values) if base else {}, pin, lost, lines)


def _pin(main: _Reading, backup: _Reading, lines: list[str]) -> tuple[tuple[str, str] | None, bool]:
    """The PIN in force, and whether one was stored but none can be read (the pad then closes).

    Only files that show no sign of a PIN mean "none set": a damaged PIN, a file that cannot be
    read, or a settings file gone while its copy stays may each have held one.
    """
    if main.pin is not None:
        return main.pin, False
    if not main.exists and not backup.exists:
        return None, False
    if main.usable and not main.pin_stored and not backup.pin_stored and not backup.error:
        return None, False
    if backup.pin is not None:
        if main.usable:
            state = "cannot be read" if main.pin_stored else "is missing"
            lines.append(f"settings {main.path}: the admin PIN {state}; using the one in {backup.path}")
        return backup.pin, False
    return None, True


@dataclass(frozen=True)
class Origin:
    """Where settings were read: the file, its bytes then (None: missing or unreadable), and
    the PIN they gave."""

    path: Path
    raw: bytes | None
    pin: tuple[str, str]


_SAVED = (
    "reduced_motion",
    "pin_salt",
    "pin_hash",
    "idle_timeout_s",
    "default_language",
    "kiosk_id",
    "opening_hours",
)


@dataclass(frozen=True)
class Settings:
    reduced_motion: bool = False
    # The admin PIN as a salted hash (kiosk set-pin); both empty: none set, or none readable.
    pin_salt: str = ""
    pin_hash: str = ""
    # 0: the content's idle timeout; else seconds before the "still exploring?" countdown.
    idle_timeout_s: int = 0
    # "": the content's default language.
    default_language: str = ""
    # The name this kiosk's visits are recorded under; "": the host name.
    kiosk_id: str = ""
    # Per weekday, e.g. {"mon": "09:00-18:00"}; outside them the screen is off. {}: always open.
    opening_hours: dict[str, str] = field(default_factory=dict)
    # Not saved. True: a PIN was stored but cannot be read, so no PIN may open the admin panel.
    pin_lost: bool = field(default=False, compare=False)
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        source = path or settings_path()
        main = _read(source)
        found = _resolve(main, _read(backup_path(source)))
        for line in found.lines:
            log.warning("%s", line)
        if found.pin_lost:
            log.error(
                "settings %s: the admin PIN cannot be read (what is damaged may have held one); the"
                " default PIN does not stand in for it",
                source,
            )
        pin = found.pin or ("", "")
        return cls(
            **found.values,
            pin_salt=pin[0],
            pin_hash=pin[1],
            pin_lost=found.pin_lost,
            origin=Origin(source, main.raw, pin),
        )

    def save(self, path: Path | None = None) -> None:
        """Write atomically, after keeping the file it replaces as the last good copy if that
        reads clean. Nothing is written (and that is logged) when it would lose a stored PIN.

        The PIN is written only when it differs from the one these settings were read with, as
        after `kiosk set-pin`; otherwise the PIN on disk now is kept, so a kiosk saving settings
        it read at start cannot bring back the PIN a later `kiosk set-pin` replaced.
        """
        target = path or settings_path()
        main, backup = _read(target), _read(backup_path(target))
        pin = (self.pin_salt, self.pin_hash)
        if pin == (self.origin.pin if self.origin else ("", "")):
            now = _resolve(main, backup)
            if now.pin_lost:
                log.error(
                    "settings not saved to %s: the admin PIN stored there cannot be read, and saving"
                    " would drop it; run `kiosk set-pin` first",
                    target,
                )
                return
            pin = now.pin or ("", "")
        data = {key: getattr(self, key) for key in _SAVED}
        data["pin_salt"], data["pin_hash"] = pin
        if pin == ("", ""):
            del data["pin_salt"], data["pin_hash"]
        raw = main.raw
        if main.good and raw is not None and raw != backup.raw:
            write_atomically(backup.path, lambda copy: copy.write_bytes(raw))
        write_text_atomically(target, json.dumps(data, indent=2) + "\n")
