"""The admin PIN: hashed, checked, locked after five mistakes."""

from __future__ import annotations

from kiosk.showfloor.admin_pin import (
    DEFAULT_DIGEST,
    DEFAULT_PIN,
    DEFAULT_SALT,
    LOCKOUT_S,
    PinGate,
    hash_pin,
    valid_pin,
)


def test_the_default_hash_is_the_default_pin() -> None:
    assert hash_pin(DEFAULT_PIN, DEFAULT_SALT) == (DEFAULT_SALT, DEFAULT_DIGEST)


def test_five_mistakes_lock_for_a_minute() -> None:
    now = [0.0]
    salt, digest = hash_pin("4711")
    gate = PinGate(salt, digest, lambda: now[0])
    assert digest != hash_pin("4711")[1]  # a fresh salt each time: the same PIN, another hash
    for _ in range(5):
        assert not gate.check("0000")
    assert gate.seconds_locked() == LOCKOUT_S
    assert not gate.check("4711")
    now[0] += LOCKOUT_S + 1
    assert gate.check("4711")


def test_pin_rules() -> None:
    assert valid_pin("2025")
    assert not valid_pin("12")
    assert not valid_pin("abcd")
