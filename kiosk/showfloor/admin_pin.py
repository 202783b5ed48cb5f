"""The admin PIN: stored only as a salted hash, checked with a lockout after repeated mistakes.

Pure Python. It fails closed: the published default PIN, 2025, opens the pad only on a machine
that has never had a PIN set; once one was set, a PIN that cannot be read closes the pad to every
PIN until `kiosk set-pin` stores a new one. Wrong PINs and lockouts are logged (never the digits)
and kept in the state folder with the lockout's end, so a restart clears neither.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.content.files import read_limited
from kiosk.system.safe_write import write_text_atomically
from kiosk.system.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_PIN = "2025"
# DEFAULT_PIN's hash with an all-zero salt, computed once here: hashing costs ~60 ms at start-up
# (a test keeps it equal to hash_pin(DEFAULT_PIN, DEFAULT_SALT)).
DEFAULT_SALT = "00" * 16
DEFAULT_DIGEST = "50178e2c7052b6220fb13844c5000f5deca8b4eca0a60498994fc8e9660698ff"
MAX_ATTEMPTS = 5
LOCKOUT_S = 60.0
_ITERATIONS = 200_000
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")
_STATE_LIMIT = 64 * 1024  # a few dozen bytes when the kiosk wrote it
_SET_PIN = "the PIN pad accepts no PIN at all until `kiosk set-pin` is run"


def hash_pin(pin: str, salt: str | None = None) -> tuple[str, str]:
    """(salt, hash) as hex strings: PBKDF2-HMAC-SHA256."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(salt), _ITERATIONS)
    return salt, digest.hex()


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 12


def default_pin_opens(settings: Settings, state_path: Path | None) -> bool:
    """Whether the published default PIN would open the admin panel: the settings hold no PIN,
    none that was damaged, and the state folder records none ever set (`PinGate._follow`)."""
    if settings.pin_hash or settings.pin_lost:
        return False
    return not PinGate.remembers_a_pin(state_path)


class PinGate:
    """Checks PINs against a stored hash; after MAX_ATTEMPTS wrong ones it refuses for LOCKOUT_S.

    An empty digest accepts no PIN. `clock` times the lockout while the kiosk runs; `wall` dates
    it in `state_path`, where the next start finds it (a monotonic clock restarts with the
    machine). Built `for_settings`, the gate reads the stored hash again whenever the settings
    file's bytes have changed by the time a PIN is checked.
    """

    STATE_FILE = "admin_pin.json"  # in the kiosk's state folder: failures, lockout end, PIN seen

    def __init__(
        self,
        salt: str,
        digest: str,
        clock: Callable[[], float] = time.monotonic,
        *,
        state_path: Path | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.salt, self.digest = salt, digest
        self.clock, self.wall = clock, wall
        self.state_path = state_path
        self.failures = 0
        self.locked_until = 0.0
        self.pin_was_set = False  # this machine has had a PIN: the default may never return
        self.settings_file: Path | None = None
        self._seen: bytes | None = None  # the settings file's bytes the hash was read from
        self._restore()
        if digest and not self._usable():
            log.error("admin PIN salt or hash is not hex: %s", _SET_PIN)

    @classmethod
    def with_default(cls, clock: Callable[[], float] = time.monotonic) -> PinGate:
        return cls(DEFAULT_SALT, DEFAULT_DIGEST, clock)

    @classmethod
    def for_settings(
        cls,
        settings: Settings,
        clock: Callable[[], float] = time.monotonic,
        state_path: Path | None = None,
        wall: Callable[[], float] = time.time,
    ) -> PinGate:
        """The gate for `settings`, following their file from now on (if they were read from one)."""
        gate = cls("", "", clock, state_path=state_path, wall=wall)
        gate._follow(settings, starting=True)
        return gate

    @staticmethod
    def remembers_a_pin(state_path: Path | None) -> bool:
        """Whether the state at `state_path` records that this machine had a PIN set."""
        if state_path is None:
            return False
        try:
            data = json.loads(read_limited(state_path, _STATE_LIMIT))
        except (OSError, ValueError, RecursionError):
            return False
        return isinstance(data, dict) and data.get("pin_was_set") is True

    @property
    def accepts_none(self) -> bool:
        return not self._usable()

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def check(self, pin: str) -> bool:
        if self.seconds_locked() > 0:
            return False
        self._reread()
        if self._matches(pin):
            if self.failures:
                self.failures = 0
                self._save_state()
            return True
        self.failures += 1
        log.warning(
            "wrong admin PIN, %d of %d before a %d s lockout%s",
            self.failures,
            MAX_ATTEMPTS,
            LOCKOUT_S,
            f" ({_SET_PIN})" if self.accepts_none else "",
        )
        if self.failures >= MAX_ATTEMPTS:
            self.failures = 0
            self.locked_until = self.clock() + LOCKOUT_S
            log.warning("admin PIN pad locked for %d s after %d wrong PINs", LOCKOUT_S, MAX_ATTEMPTS)
        self._save_state()
        return False

    def _usable(self) -> bool:
        return bool(_HEX.fullmatch(self.salt) and _HEX.fullmatch(self.digest))

    def _matches(self, pin: str) -> bool:
        if not self._usable():
            return False
        _, digest = hash_pin(pin, self.salt)
        return hmac.compare_digest(digest, self.digest.lower())

    # ---- the stored hash ------------------------------------------------------------------

    def _reread(self) -> None:
        """`kiosk set-pin` in another process reaches a running kiosk here: the file is a few
        hundred bytes, compared before the 60 ms hash, so no watcher is needed and a change made
        while the pad is open counts too."""
        if self.settings_file is None:
            return
        try:
            raw: bytes | None = self.settings_file.read_bytes()
        except OSError:
            raw = None
        if raw != self._seen:
            self._follow(Settings.load(self.settings_file), starting=False)

    def _follow(self, settings: Settings, starting: bool) -> None:
        origin = settings.origin
        self.settings_file, self._seen = (origin.path, origin.raw) if origin else (None, None)
        if settings.pin_hash:
            salt, digest = settings.pin_salt, settings.pin_hash
            level, message = logging.INFO, "admin PIN: the one set with `kiosk set-pin`"
            if not self.pin_was_set:
                self.pin_was_set = True
                self._save_state()
        elif settings.pin_lost or self.pin_was_set:
            salt, digest = "", ""
            why = (
                "the admin PIN in the settings cannot be read"
                if settings.pin_lost
                else f"the settings hold no PIN, but {self.state_path} records that one was set"
            )
            level, message = logging.ERROR, f"admin PIN pad closed: {why}; {_SET_PIN}"
        else:
            salt, digest = DEFAULT_SALT, DEFAULT_DIGEST
            level = logging.WARNING
            message = (
                f"the default admin PIN {DEFAULT_PIN}, published in the README, opens the admin"
                " panel; set this kiosk's own with `kiosk set-pin`"
            )
        changed = (salt, digest) != (self.salt, self.digest)
        self.salt, self.digest = salt, digest
        if starting:
            log.log(level, "%s", message)
        elif changed:
            log.log(level, "settings %s changed: %s", self.settings_file, message)

    # ---- what outlives a restart ----------------------------------------------------------

    def _restore(self) -> None:
        if self.state_path is None:
            return
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError, RecursionError) as error:
            log.warning("admin PIN state %s unreadable (%s): no lockout carried over", self.state_path, error)
            return
        if not isinstance(data, dict):
            log.warning("admin PIN state %s is not a JSON object: no lockout carried over", self.state_path)
            return
        failures, until = data.get("failures", 0), data.get("locked_until", 0)
        if type(failures) is int and 0 <= failures < MAX_ATTEMPTS:
            self.failures = failures
        if type(until) in (int, float) and math.isfinite(until):
            # Capped: a wall clock set back must not stretch the lockout.
            remaining = min(LOCKOUT_S, until - self.wall())
            if remaining > 0:
                self.locked_until = self.clock() + remaining
                log.warning(
                    "admin PIN pad still locked for %d s: the lockout outlives the restart", remaining
                )
        self.pin_was_set = data.get("pin_was_set") is True

    def _save_state(self) -> None:
        if self.state_path is None:
            return
        locked = self.seconds_locked()
        state = {
            "failures": self.failures,
            "locked_until": round(self.wall() + locked, 3) if locked else 0,
            "pin_was_set": self.pin_was_set,
        }
        try:
            write_text_atomically(self.state_path, json.dumps(state) + "\n")
        except OSError as error:
            log.warning("cannot keep the admin PIN's lockout in %s: %s", self.state_path, error)
