"""The voices and Chinese line breaks on a real X server, reached with real taps: one chip per
person, a second tap on it shows that person's next quote, and no screen a visitor opens tears
a number from its unit or leaves one character alone on a line (as the running kiosk's
`--screen-report` audits each settled screen)."""

from __future__ import annotations

from pathlib import Path

from test_screen_fit_x11 import Record, next_record, records, start, tap_text
from xserver import LaunchKiosk, XServer, changed_fraction

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
