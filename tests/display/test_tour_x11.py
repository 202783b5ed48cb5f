"""A tour on a real X server, reached and played with real taps: the stop panel fits the screen,
and the auto-play control's outline fills in the tour's colour while it plays, then empties
when the visitor pauses it."""

from __future__ import annotations

from pathlib import Path

from test_screen_fit_x11 import FIT, Record, next_record, records, start, tap_text
from xserver import LaunchKiosk, XServer, colour_fraction, wait_until

DAXING_GREEN = (0x2F, 0xC4, 0x87)


def _control(record: Record, text: str) -> dict[str, object]:
    return next(c for c in record["pressable"] if c["text"] == text)


def test_a_tour_fits_and_its_auto_play_shows_the_time_running(
    kiosk: LaunchKiosk, xvfb: XServer, tmp_path: Path
) -> None:
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, xvfb, report)
    home = records(report)[-1]
    entry = next(c["text"] for c in home["pressable"] if "大兴" in c["text"])
    seen = len(records(report))
    tap_text(run, home, entry)
    tour = next_record(report, seen, lambda r: r["page"] == "tour/daxing", "the Daxing tour")
    assert not [p for p in tour["problems"] if p["kind"] in FIT], tour["problems"]

    x, y, width, height = _control(tour, "自动播放")["rect"]  # type: ignore[misc]
    button = (x, y, width, height)
    assert colour_fraction(run.x.screenshot(button), DAXING_GREEN, tolerance=30) < 0.002
    tap_text(run, tour, "自动播放")
    first = wait_until(
        lambda: (f := colour_fraction(run.x.screenshot(button), DAXING_GREEN, tolerance=30)) > 0.002 and f,
        10,
        "the outline starting to fill",
    )
    wait_until(
        lambda: colour_fraction(run.x.screenshot(button), DAXING_GREEN, tolerance=30) > 2 * first,
        15,
        "the outline filling further",
    )
    run.x.tap(x + width // 2, y + height // 2)  # pause
    wait_until(
        lambda: colour_fraction(run.x.screenshot(button), DAXING_GREEN, tolerance=30) < 0.002,
        10,
        "the outline emptied on pause",
    )
