"""The seeded real-input monkey: random XTEST taps, swipes, short long-presses, right and
middle clicks and keys (the escape keys among them) sent to whatever is on the screen.
Used by test_monkey_x11.py and by bench/monkey_x11.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from xserver import XSession

KEYS = [
    "alt+F4",
    "Escape",
    "ctrl+w",
    "ctrl+q",
    "F1",
    "F11",
    "alt+Tab",
    "Tab",
    "shift+Tab",
    "Return",
    "space",
    "Left",
    "Right",
    "Up",
    "Down",
    "Prior",
    "Next",
    "Home",
    "End",
    "BackSpace",
]
KINDS = ["tap", "swipe", "long_press", "key", "right_click", "middle_click"]
WEIGHTS = [44, 22, 0.6, 20, 7, 6]
# A still finger for 3 s in the top-left 96 x 96 px opens the admin PIN pad; long presses stay
# out of a wider square so that one never starts there.
ADMIN_CORNER = 160
LONG_PRESS_MS = (400, 900)


def monkey(
    x: XSession,
    events: int,
    seed: int,
    check: Callable[[int], None] | None = None,
    check_every: int = 50,
    counts: dict[str, int] | None = None,
) -> dict[str, int]:
    """Send `events` random events to the whole screen; call `check(done)` every `check_every`.
    Returns how many of each kind were sent (also kept in `counts` as they go, when given)."""
    rng = random.Random(seed)
    width, height = x.width, x.height
    counts = dict.fromkeys(KINDS, 0) if counts is None else counts
    for kind in KINDS:
        counts.setdefault(kind, 0)
    for index in range(1, events + 1):
        kind = rng.choices(KINDS, WEIGHTS)[0]
        counts[kind] += 1
        at = (rng.randrange(width), rng.randrange(height))
        if kind == "tap":
            x.tap(*at, hold_s=rng.uniform(0.0, 0.02))
        elif kind == "swipe":
            end = (
                min(max(at[0] + rng.choice([-1, 1]) * rng.randrange(30, 700), 0), width - 1),
                min(max(at[1] + rng.randrange(-120, 120), 0), height - 1),
            )
            x.drag(at, end, steps=rng.randrange(3, 8), step_s=0.004)
        elif kind == "long_press":
            if at[0] < ADMIN_CORNER and at[1] < ADMIN_CORNER:
                at = (at[0] + ADMIN_CORNER, at[1] + ADMIN_CORNER)
            x.long_press(*at, rng.randrange(*LONG_PRESS_MS))
        elif kind == "key":
            x.key(rng.choice(KEYS))
        elif kind == "right_click":
            x.tap(*at, button=3, hold_s=0.005)
        else:
            x.tap(*at, button=2, hold_s=0.005)
        if check is not None and index % check_every == 0:
            check(index)
    return counts
