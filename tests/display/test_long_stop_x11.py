"""A curator's long tour stop on a real screen: the second park's third stop (a long German
text, a quote and its attribution) shows in its panel without scrolling, in two parts. A real
tap on the panel's "Weiterlesen" turns to the quote, a tap on "Zum Text" back to the
text, and the tour's own "Weiter" still goes from stop to stop. Judged by the kiosk's own
screen report (what a visitor can press, and what the layout check finds on screen) and by the
quote's colour appearing in the panel's pixels."""

from __future__ import annotations

from pathlib import Path

from test_screen_fit_x11 import Record, next_record, records, tap_text
from xserver import LaunchKiosk, XServer, colour_fraction

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
TOUR_VIOLET = (0x9B, 0x87, 0xFF)  # the other park's tour colour


def _texts(record: Record) -> set[str]:
    return {c["text"] for c in record["pressable"]}


def test_a_long_stop_goes_on_in_a_second_part_reached_by_a_tap(
    kiosk: LaunchKiosk, xvfb: XServer, tmp_path: Path
) -> None:
    report = tmp_path / "screens.jsonl"
    run = kiosk("--data", str(OTHER_PARK), "--lang", "de", "--screen-report", str(report), server=xvfb)
    home = next_record(report, 0, lambda r: r["page"] == "home", "the home screen's report")
    entry = next(c["text"] for c in home["pressable"] if "Rundgang" in c["text"])
    seen = len(records(report))
    tap_text(run, home, entry)
    tour = next_record(report, seen, lambda r: r["page"] == "tour/rundgang", "the tour")
    for step in (1, 2):  # the tour's own navigation, to the third stop
        seen = len(records(report))
        tap_text(run, tour, "Weiter")
        tour = next_record(report, seen, lambda r, s=step: r["step"] == s, f"stop {step + 1}")
    assert not tour["problems"], tour["problems"]  # the text whole, nothing to scroll
    assert "Weiterlesen" in _texts(tour)
    more = next(c for c in tour["pressable"] if c["text"] == "Weiterlesen")
    x, y, width, _height = more["rect"]
    # The panel above its button row, clear of the map (whose current stop is in the colour too).
    panel = (x + width - 800, 0, 800, y)
    accent = colour_fraction(run.settle(panel), TOUR_VIOLET, tolerance=30)

    seen = len(records(report))
    tap_text(run, tour, "Weiterlesen")
    second = next_record(report, seen, lambda r: "Zum Text" in _texts(r), "the stop's second part")
    assert second["page"] == "tour/rundgang"
    assert second["step"] == 2
    assert not second["problems"], second["problems"]  # the quote and its attribution whole
    # The quote's marks and its speaker's name are in the tour's colour: more of it now than
    # the first part's "Station 3 von 3" (which the second part leaves to the map) gave.
    assert colour_fraction(run.settle(panel), TOUR_VIOLET, tolerance=30) > 1.2 * accent

    seen = len(records(report))
    tap_text(run, second, "Zum Text")
    first = next_record(report, seen, lambda r: "Weiterlesen" in _texts(r), "the stop's first part again")
    assert first["step"] == 2
    assert not first["problems"]
