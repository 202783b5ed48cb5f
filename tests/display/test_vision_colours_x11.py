"""Colour means the vision, on a real X server reached with real taps: a speaker's quote takes
the colour of their vision (Larsson's hydrogen Green, Jawad's robot-park Smart), never the next
colour of a palette, and the Daxing tour is Green as the Green vision is."""

from __future__ import annotations

import json
from pathlib import Path

from test_screen_fit_x11 import next_record, records, start, tap_text
from xserver import Image, LaunchKiosk, XServer, colour_fraction

CONTENT = Path(__file__).parents[2] / "data" / "content.json"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = int(hex_colour.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def _vision_colours() -> dict[str, tuple[int, int, int]]:
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    return {vision["id"]: _rgb(vision["color"]) for vision in content["visions"]}


def _drawn_in(image: Image, vision: str, colours: dict[str, tuple[int, int, int]]) -> None:
    """The screen shows `vision`'s colour, and no other vision's beyond a trace."""
    own = colour_fraction(image, colours[vision])
    assert own > 0.0004, (vision, own)
    for other, colour in colours.items():
        if other != vision:
            assert colour_fraction(image, colour) < own / 10, (vision, other)


def test_speakers_and_tours_take_their_visions_colour(
    kiosk: LaunchKiosk, xvfb: XServer, tmp_path: Path
) -> None:
    colours = _vision_colours()
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, xvfb, report)

    seen = len(records(report))
    tap_text(run, records(report)[-1], "各方之声")
    voices = next_record(report, seen, lambda r: r["page"] == "voices", "the voices")
    for speaker, step, vision in (("Larsson", 1, "green"), ("Jawad", 2, "smart")):
        seen = len(records(report))
        tap_text(run, records(report)[-1], speaker)
        next_record(report, seen, lambda r, s=step: r["page"] == "voices" and r["step"] == s, speaker)
        _drawn_in(run.settle(), vision, colours)
    assert voices["page"] == "voices"

    seen = len(records(report))
    tap_text(run, records(report)[-1], "首页")
    home = next_record(report, seen, lambda r: r["page"] == "home", "home")
    seen = len(records(report))
    tap_text(run, home, "大兴氢能示范区")
    next_record(report, seen, lambda r: r["page"] == "tour/daxing", "the Daxing tour")
    _drawn_in(run.settle(), "green", colours)
