"""Arabic on a real screen: the second park's home is mirrored (its first vision, "Research",
in blue, is the leftmost tile in English and the rightmost in Arabic), reached by a visitor's
taps through the language picker; and a finger's drag to the right goes on to the next page.
Judged by the screen's pixels and the kiosk's own screen report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from test_screen_fit_x11 import Record, records, tap_text
from xserver import Image, LaunchKiosk, XServer, wait_until

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
RESEARCH_BLUE = (0x4C, 0x8D, 0xFF)  # the first vision's colour in the other park


def next_record(path: Path, after: int, test: Callable[[Record], bool], what: str) -> Record:
    def found() -> Record | None:
        return next((r for r in records(path)[after:] if test(r)), None)

    return wait_until(found, 15, what)


def blue_columns(image: Image) -> tuple[int, int]:
    """The leftmost and rightmost columns where the Research tile's blue shows (its gradient
    runs lighter and darker: near the colour, not exactly it)."""
    near = np.abs(image.astype(int) - np.array(RESEARCH_BLUE)).max(axis=2) <= 40
    # A tile's height of blue (about 160 px), not the blue of a list number or a card's edge.
    columns = np.flatnonzero(near.sum(axis=0) >= 120)
    assert columns.size, "no blue tile on the screen"
    return int(columns[0]), int(columns[-1])


def test_arabic_mirrors_the_home_and_swipes(kiosk: LaunchKiosk, xvfb: XServer, tmp_path: Path) -> None:
    report = tmp_path / "screens.jsonl"
    run = kiosk("--data", str(OTHER_PARK), "--lang", "en", "--screen-report", str(report), server=xvfb)
    home = next_record(report, 0, lambda r: r["page"] == "home", "the home screen's report")
    english = run.settle()
    run.save("home-en", english)
    width = english.shape[1]
    left, right = blue_columns(english)
    assert right < width / 2, f"Research is not on the left in English: blue at x {left}..{right}"

    # The language button names the language on screen; a tap opens the picker.
    seen = len(records(report))
    tap_text(run, home, "English")
    picker = next_record(
        report, seen, lambda r: any(c["text"] == "العربية" for c in r["pressable"]), "the language picker"
    )
    assert {"Deutsch", "English", "العربية"} <= {c["text"] for c in picker["pressable"]}
    seen = len(records(report))
    tap_text(run, picker, "العربية")
    home_ar = next_record(report, seen, lambda r: r["language"] == "ar", "the home screen in Arabic")
    arabic = run.settle()
    run.save("home-ar", arabic)
    left, right = blue_columns(arabic)
    assert left > width / 2, f"Research is not on the right in Arabic: blue at x {left}..{right}"
    # The controls a visitor reads first are on the right too: the language button's mirror.
    button = next(c for c in home_ar["pressable"] if c["text"] == "العربية")
    assert button["rect"][0] + button["rect"][2] < width / 2  # it moved to the left edge

    # Research, then a drag to the right: the next vision (Climate, المناخ) comes in.
    seen = len(records(report))
    tap_text(run, home_ar, "البحث")
    next_record(report, seen, lambda r: r["page"] == "vision/forschung", "the Research page")
    run.settle()
    seen = len(records(report))
    run.x.drag((width // 3, 500), (width // 3 + 600, 500))
    moved = next_record(report, seen, lambda r: r["page"] != "vision/forschung", "a page after the drag")
    assert moved["page"] == "vision/klima"
