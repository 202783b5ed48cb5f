"""The admin PIN: stored only as a salted hash, checked with a lockout after repeated mistakes.

Pure Python. The default PIN, until `kiosk set-pin` sets another, is 2025.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_PIN = "2025"
# DEFAULT_PIN's hash with an all-zero salt, computed once here: hashing costs ~60 ms at start-up
# (a test keeps it equal to hash_pin(DEFAULT_PIN, DEFAULT_SALT)).
DEFAULT_SALT = "00" * 16
DEFAULT_DIGEST = "50178e2c7052b6220fb13844c5000f5deca8b4eca0a60498994fc8e9660698ff"
MAX_ATTEMPTS = 5
LOCKOUT_S = 60.0
_ITERATIONS = 200_000


def hash_pin(pin: str, salt: str | None = None) -> tuple[str, str]:
    """(salt, hash) as hex strings: PBKDF2-HMAC-SHA256."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(salt), _ITERATIONS)
    return salt, digest.hex()


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 12


@dataclass
class PinGate:
    """Checks PINs against a stored hash; after MAX_ATTEMPTS wrong ones it refuses for LOCKOUT_S."""

    salt: str
    digest: str
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    locked_until: float = 0.0

    @classmethod
    def with_default(cls, clock: Callable[[], float] = time.monotonic) -> PinGate:
        return cls(DEFAULT_SALT, DEFAULT_DIGEST, clock)

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def check(self, pin: str) -> bool:
        if self.seconds_locked() > 0:
            return False
        _, digest = hash_pin(pin, self.salt)
        if hmac.compare_digest(digest, self.digest):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= MAX_ATTEMPTS:
            self.failures = 0
            self.locked_until = self.clock() + LOCKOUT_S
        return False
