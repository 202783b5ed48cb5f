"""A vision's paragraph of a thousand characters on a real 1280x800 screen: the second park's
research vision in German shows without scrolling, its paragraph in parts. Real taps on
"Weiterlesen" turn through them and "Zum Text" comes back to the first; each part is whole on
screen (the kiosk's own screen report: what a visitor can press, what the layout check finds),
and the screen changes from part to part."""

from __future__ import annotations

from pathlib import Path

from test_screen_fit_x11 import Record, next_record, records, tap_text
from xserver import LaunchKiosk, MakeXvfb, changed_fraction

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"


def _texts(record: Record) -> set[str]:
    return {c["text"] for c in record["pressable"]}


def test_a_long_vision_is_read_in_parts_reached_by_a_tap(
    kiosk: LaunchKiosk, make_xvfb: MakeXvfb, tmp_path: Path
) -> None:
    report = tmp_path / "screens.jsonl"
    run = kiosk(
        "--data", str(OTHER_PARK), "--lang", "de", "--screen-report", str(report), server=make_xvfb(1280, 800)
    )
    home = next_record(report, 0, lambda r: r["page"] == "home", "the home screen's report")
    tile = next(c["text"] for c in home["pressable"] if c["text"].startswith("Forschung"))
    seen = len(records(report))
    tap_text(run, home, tile)
    vision = next_record(report, seen, lambda r: r["page"] == "vision/forschung", "the research vision")
    assert not vision["problems"], vision["problems"]  # nothing to scroll, nothing cut
    assert "Weiterlesen" in _texts(vision)
    part = vision
    before = run.settle()
    turns = 0
    while "Weiterlesen" in _texts(part):
        seen = len(records(report))
        tap_text(run, part, "Weiterlesen")
        part = next_record(
            report, seen, lambda r: r["page"] == "vision/forschung", "the paragraph's next part"
        )
        assert not part["problems"], part["problems"]
        after = run.settle()
        assert changed_fraction(before, after) > 0.01  # another part of the text on screen
        before = after
        turns += 1
        assert turns < 5, "the parts never end"
    assert turns >= 1
    assert "Zum Text" in _texts(part)
    seen = len(records(report))
    tap_text(run, part, "Zum Text")
    first = next_record(
        report, seen, lambda r: "Weiterlesen" in _texts(r), "the paragraph's first part again"
    )
    assert first["page"] == "vision/forschung"
    assert not first["problems"]
