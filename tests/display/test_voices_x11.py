"""The voices and Chinese line breaks on a real X server, reached with real taps: one chip per
person, a second tap on it shows that person's next quote, and no screen a visitor opens tears
a number from its unit or leaves one character alone on a line (as the running kiosk's
`--screen-report` audits each settled screen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from test_screen_fit_x11 import Record, next_record, records, start, tap_text
from xserver import LaunchKiosk, MakeXvfb, XServer, changed_fraction

LINE_BREAKS = {"number-split", "lone-character"}


def _line_breaks(record: Record) -> list[dict[str, str]]:
    return [problem for problem in record["problems"] if problem["kind"] in LINE_BREAKS]


def test_one_chip_per_person_and_chinese_lines_whole(
    kiosk: LaunchKiosk, xvfb: XServer, tmp_path: Path
) -> None:
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, xvfb, report)
    home = records(report)[-1]
    assert home["language"] == "zh"
    assert not _line_breaks(home), _line_breaks(home)

    seen = len(records(report))
    tap_text(run, home, "各方之声")
    voices = next_record(report, seen, lambda r: r["page"] == "voices", "the voices")
    chips = [control["text"] for control in voices["pressable"]]
    assert chips.count("李忠") == 1, chips  # quoted twice, one chip
    assert "艾巴·伦德" in chips
    assert not _line_breaks(voices), _line_breaks(voices)

    seen = len(records(report))
    tap_text(run, voices, "李忠")
    first = next_record(report, seen, lambda r: r["page"] == "voices" and r["step"] == 3, "Li Zhong's quote")
    before = run.settle()
    seen = len(records(report))
    tap_text(run, first, "李忠")  # again: his other quote
    next_record(report, seen, lambda r: r["page"] == "voices" and r["step"] == 4, "Li Zhong's next quote")
    assert changed_fraction(before, run.settle()) > 0.005  # another quote on the screen

    for page, tile in (("vision/open", "开放"), ("vision/innovative", "创新")):
        seen = len(records(report))
        tap_text(run, records(report)[-1], "首页")
        home = next_record(report, seen, lambda r: r["page"] == "home", "home")
        seen = len(records(report))
        tap_text(run, home, tile)
        opened = next_record(report, seen, lambda r, p=page: r["page"] == p, page)
        assert not _line_breaks(opened), (page, _line_breaks(opened))


def test_largest_text_on_a_small_panel_lists_the_speakers_then_a_quote_on_its_own(
    kiosk: LaunchKiosk, make_xvfb: MakeXvfb, tmp_path: Path
) -> None:
    """A visitor at a 1280x800 panel chooses the largest text, switches to English and opens the
    voices: first every speaker's chip, on the screen at once; a tap on one shows that person's
    quote with the screen to itself, nothing of it under a "more below" fade."""
    report = tmp_path / "screens.jsonl"
    run = start(kiosk, make_xvfb(1280, 800), report)
    steps: list[tuple[tuple[str, ...], Callable[[Record], bool], str]] = [
        (("无障碍",), lambda r: any(c["text"] == "最大" for c in r["pressable"]), "the panel"),
        (("最大",), lambda r: r["text_scale"] == 1.5, "the largest text"),
        (("关闭",), lambda r: not any(c["text"] == "最大" for c in r["pressable"]), "closed"),
        (("EN",), lambda r: r["language"] == "en", "English"),
        (("Next",), lambda r: r["page"] == "home" and r["step"] == 1, "home's ways in"),
        (("Voices",), lambda r: r["page"] == "voices", "the voices"),
    ]
    for texts, reached, what in steps:
        seen = len(records(report))
        tap_text(run, records(report)[-1], *texts)
        next_record(report, seen, reached, what)
    speakers = records(report)[-1]
    assert speakers["step"] == 0
    chips = {control["text"] for control in speakers["pressable"]}
    for name in ("Zhang Jihong", "Larsson", "Li Zhong", "Ebba Lund", "Tom Bentley"):
        assert name in chips, f"{name}'s chip is not on the screen: {sorted(chips)}"
    before = run.settle()
    seen = len(records(report))
    tap_text(run, speakers, "Larsson")
    quote = next_record(report, seen, lambda r: r["page"] == "voices" and r["step"] > 0, "Larsson's quote")
    run.save("voices-1280x800-largest-quote", run.settle())
    assert "Larsson" not in {control["text"] for control in quote["pressable"]}  # the list is a step away
    assert quote["text_scale"] == 1.5
    assert changed_fraction(before, run.settle()) > 0.1
