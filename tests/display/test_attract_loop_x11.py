"""The attract loop on a real X server, as a passer-by sees it: resumed after a restart, a key
figure fills the screen's width in both languages (two numbers in the vision's colour, one on
each half), and a real tap anywhere wakes the kiosk to its home screen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from xserver import (
    KIOSK_BACKGROUND,
    Image,
    KioskRun,
    XServer,
    XSession,
    colour_fraction,
    start_kiosk,
    wait_until,
)

INNOVATIVE = (0x4C, 0x8D, 0xFF)  # the first figure of the loop (R&D investment) is Innovative's


def _columns_in(image: Image, colour: tuple[int, int, int], tolerance: int = 12) -> np.ndarray:
    """The x positions where some pixel has `colour`."""
    distance = np.abs(image.astype(np.int16) - np.array(colour, dtype=np.int16)).max(axis=2)
    return np.flatnonzero((distance <= tolerance).any(axis=0))


@pytest.fixture
def attract_run(xvfb: XServer, tmp_path: Path) -> Iterator[KioskRun]:
    """The kiosk restarted while its attract loop ran: it comes back in the loop."""
    state = tmp_path / "home" / "state" / "zgc-kiosk" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_text(json.dumps({"mode": "attract"}), encoding="utf-8")
    x = XSession(xvfb.display)
    wait_until(lambda: not x.mapped_windows(), 10, "the windows of an earlier kiosk to go")
    run = KioskRun(start_kiosk(xvfb.display, [], tmp_path), xvfb, x, tmp_path)
    try:
        wait_until(lambda: "attract loop ran: it runs again" in run.log(), 30, "the attract loop to resume")
        yield run
    finally:
        run.stop()


def test_a_figure_fills_the_screen_in_both_languages_and_a_tap_wakes_home(attract_run: KioskRun) -> None:
    run = attract_run
    width = run.server.width
    # The loop opens with the initiative, then its first figure, large and in its vision's colour.
    wait_until(lambda: colour_fraction(run.screenshot(), INNOVATIVE) > 0.02, 20, "the first figure slide")
    # Above the call to action, which breathes on and on.
    figure = run.settle(rect=(0, 0, width, run.server.height * 3 // 4))
    run.save("attract_figure", figure)
    columns = _columns_in(figure, INNOVATIVE)
    assert columns.min() < width * 0.15, "a number starts near the left edge"
    assert columns.max() > width * 0.75, "and the other language's number reaches the right of the screen"
    # Both halves hold a number: the Chinese 4785亿元 on the left, CNY 478.5 billion on the right.
    assert (columns < width / 2).sum() > width * 0.1
    assert (columns > width / 2).sum() > width * 0.1
    # A tap anywhere wakes the kiosk on its home screen.
    run.x.tap(width // 2, run.server.height // 3)
    wait_until(
        lambda: (
            "attract"
            not in json.loads(
                (run.folder / "home" / "state" / "zgc-kiosk" / "state.json").read_text(encoding="utf-8")
            )["mode"]
        ),
        10,
        "the kiosk to wake",
    )
    home = run.settle()
    run.save("woken", home)
    assert colour_fraction(home, KIOSK_BACKGROUND) > 0.3
