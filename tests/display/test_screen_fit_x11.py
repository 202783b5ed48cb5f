"""Does each screen fit, on a real X server, reached with real taps? The kiosk runs with
`--screen-report`, which after each settled screen writes what it shows: the controls a
visitor can press (found here by their text, then tapped through XTEST) and the layout
problems `kiosk check-layout` would report there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xserver import KioskRun, LaunchKiosk, MakeXvfb, XServer, changed_fraction, colour_fraction, wait_until

Record = dict[str, Any]
FIT = {"needs-scroll", "target-under-fade"}


def records(path: Path) -> list[Record]:
    """The screen report's records so far: whole lines only (the kiosk may be writing the next)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    whole = text[: text.rfind("\n") + 1]
    return [json.loads(line) for line in whole.splitlines() if line.strip()]


def next_record(path: Path, after: int, test: Callable[[Record], bool], what: str) -> Record:
    """The first record written after the first `after` ones that passes `test`."""

    def found() -> Record | None:
        return next((r for r in records(path)[after:] if test(r)), None)

    return wait_until(found, 10, what)


def tap_text(run: KioskRun, record: Record, *texts: str) -> None:
    """Tap, through XTEST, the centre of the control that shows one of `texts`."""
    control = next((c for c in record["pressable"] if c["text"] in texts), None)
    shown = [c["text"] for c in record["pressable"]]
    assert control is not None, f"no control reads {texts}; the screen has {shown}"
    x, y, width, height = control["rect"]
    run.x.tap(x + width // 2, y + height // 2)


def start(kiosk: LaunchKiosk, server: XServer, report: Path) -> KioskRun:
    run = kiosk("--screen-report", str(report), server=server)
    next_record(report, 0, lambda r: r["page"] == "home", "the home screen's report")
    return run


def test_the_report_finds_the_controls_a_tap_reaches(
    kiosk: LaunchKiosk, xvfb: XServer, tmp_path: Path
) -> None:
    """The report's controls are where the screen has them: a tap on the "Green" tile there
    opens the green vision."""
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, xvfb, report)
    seen = len(records(report))
    tap_text(run, records(report)[-1], "绿色", "Green")
    opened = next_record(report, seen, lambda r: r["page"] == "vision/green", "the green vision")
    assert opened["size"] == [1920, 1080]


def test_home_fits_the_screen_at_1920x1080(kiosk: LaunchKiosk, xvfb: XServer, tmp_path: Path) -> None:
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, xvfb, report)
    for language in ("zh", "en"):
        if records(report)[-1]["language"] != language:
            seen = len(records(report))
            tap_text(run, records(report)[-1], "EN", "中文")
            next_record(
                report, seen, lambda r, lang=language: r["language"] == lang, f"the home screen in {language}"
            )
        home = records(report)[-1]
        unfit = [p for p in home["problems"] if p["kind"] in FIT]
        assert not unfit, f"home ({language}) does not fit 1920x1080: {unfit}"


def test_largest_text_keeps_the_vision_names_whole_at_1280x800(
    kiosk: LaunchKiosk, make_xvfb: MakeXvfb, tmp_path: Path
) -> None:
    """A visitor at a 1280x800 panel taps Accessibility, then the largest text, closes the panel
    and switches to English: every vision tile's name shows whole."""
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, make_xvfb(1280, 800), report)
    steps: list[tuple[tuple[str, ...], Callable[[Record], bool], str]] = [
        (
            ("无障碍", "Accessibility"),
            lambda r: any(c["text"] in ("最大", "Largest") for c in r["pressable"]),
            "panel",
        ),
        (("最大", "Largest"), lambda r: r["text_scale"] == 1.5, "the largest text"),
        (
            ("关闭", "Close"),
            lambda r: not any(c["text"] in ("最大", "Largest") for c in r["pressable"]),
            "closed",
        ),
        (("EN",), lambda r: r["language"] == "en", "English"),
    ]
    for texts, reached, what in steps:
        seen = len(records(report))
        tap_text(run, records(report)[-1], *texts)
        next_record(report, seen, reached, what)
    run.save("home-largest-text-en", run.settle())
    home = records(report)[-1]
    assert home["page"] == "home"
    cut = [p for p in home["problems"] if p["kind"] == "text-cut" and "vision-tile" in p["widget"]]
    assert not cut, f"vision names cut at 1280x800, text x1.5: {cut}"


def test_home_on_a_small_panel_shows_its_calls_one_tap_further(
    kiosk: LaunchKiosk, make_xvfb: MakeXvfb, tmp_path: Path
) -> None:
    """A visitor at a 1280x800 panel reads home in English: the visions and the ways in, then,
    after a tap on the bar's Next, the initiative and its calls, each step whole on the screen
    (nothing under a "more below" fade), and the screen changes between the two."""
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, make_xvfb(1280, 800), report)
    seen = len(records(report))
    tap_text(run, records(report)[-1], "EN")
    first = next_record(report, seen, lambda r: r["language"] == "en", "English")
    before = run.settle()
    run.save("home-1280x800-en-step-1", before)
    seen = len(records(report))
    tap_text(run, first, "Next")
    second = next_record(report, seen, lambda r: r["page"] == "home" and r["step"] == 1, "home's second step")
    after = run.settle()
    run.save("home-1280x800-en-step-2", after)
    for step, record in ((1, first), (2, second)):
        unfit = [p for p in record["problems"] if p["kind"] in FIT]
        assert not unfit, f"home step {step} does not fit 1280x800: {unfit}"
    assert changed_fraction(before, after) > 0.2, "the second step looks like the first"


ACCENT = (0x4C, 0x8D, 0xFF)  # a chosen option's fill


def test_the_accessibility_panel_opens_from_the_bottom_bar_and_largest_shows(
    kiosk: LaunchKiosk, xvfb: XServer, tmp_path: Path
) -> None:
    """From a wheelchair: the Accessibility button is in the navigation bar at the bottom edge;
    a real tap there opens the panel, a tap on Largest makes the text larger and marks Largest
    as the chosen size, and the screen shows it."""
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, xvfb, report)
    home = records(report)[-1]
    width, height = home["size"]
    bottom_bar = [
        control
        for control in home["pressable"]
        if control["text"] in ("无障碍", "Accessibility") and control["rect"][1] >= height - 112
    ]
    assert bottom_bar, f"no Accessibility in the bottom bar: {home['pressable']}"
    x, y, w, h = bottom_bar[0]["rect"]
    seen = len(records(report))
    run.x.tap(x + w // 2, y + h // 2)
    panel = next_record(
        report, seen, lambda r: any(c["text"] in ("最大", "Largest") for c in r["pressable"]), "the panel"
    )
    assert panel["text_scale"] == 1
    largest = next(c for c in panel["pressable"] if c["text"] in ("最大", "Largest"))
    before = run.settle()
    lx, ly, lw, lh = largest["rect"]
    assert colour_fraction(before[ly : ly + lh, lx : lx + lw], ACCENT) < 0.2  # not chosen yet
    seen = len(records(report))
    run.x.tap(lx + lw // 2, ly + lh // 2)
    chosen = next_record(report, seen, lambda r: r["text_scale"] == 1.5, "the largest text")
    after = run.settle()
    run.save("accessibility-largest", after)
    assert changed_fraction(before, after) > 0.02  # the panel is drawn again, larger
    largest = next(c for c in chosen["pressable"] if c["text"] in ("最大", "Largest"))
    lx, ly, lw, lh = largest["rect"]
    assert colour_fraction(after[ly : ly + lh, lx : lx + lw], ACCENT) > 0.4  # filled: the choice
    assert (width, height) == (1920, 1080)
