"""The figures on a real X server, reached with real taps: on a laptop's screen a page whose
report sentences do not fit shows everything else whole, and a "From the report" button that
opens them."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from test_screen_fit_x11 import Record, next_record, records, start, tap_text
from xserver import LaunchKiosk, MakeXvfb, changed_fraction

SOURCES = "From the report (translated)"


def _moved_on(shown: str, record: Record) -> bool:
    return record["page"] != shown


def test_report_sentences_open_behind_their_button_on_a_laptop(
    kiosk: LaunchKiosk, make_xvfb: MakeXvfb, tmp_path: Path
) -> None:
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, make_xvfb(1366, 768), report)
    seen = len(records(report))
    tap_text(run, records(report)[-1], "EN")
    next_record(report, seen, lambda r: r["language"] == "en", "English")
    seen = len(records(report))
    tap_text(run, records(report)[-1], "In figures")
    page = next_record(report, seen, lambda r: r["page"].startswith("figures/"), "the figures")
    for _ in range(len(["innovation", "patents", "companies", "new-companies", "footprint", "revenue"])):
        if page["page"] == "figures/platforms":
            break
        seen, shown = len(records(report)), str(page["page"])
        tap_text(run, page, "Next")
        page = next_record(report, seen, partial(_moved_on, shown), "the next figures")
    assert page["page"] == "figures/platforms"
    scroll = [p for p in page["problems"] if p["kind"] == "needs-scroll"]
    assert not scroll, scroll  # the bars, the caption and the button fit the screen
    assert SOURCES in [control["text"] for control in page["pressable"]]
    before = run.settle()
    run.save("platforms-1366x768-closed", before)
    tap_text(run, page, SOURCES)
    after = run.settle()
    run.save("platforms-1366x768-opened", after)
    assert changed_fraction(before, after) > 0.01  # the sentences in place of the button
