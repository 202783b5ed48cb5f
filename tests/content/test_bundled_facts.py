"""The bundled content says only what the report says: figures, quotes and names checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content import LoadedContent

REPORT = (Path(__file__).parent / "source_report_zh.txt").read_text(encoding="utf-8")


def _normalised(text: str) -> str:
    """Punctuation-insensitive: the content uses full-width marks where the report mixes them."""
    return re.sub(r"[\s，,。：:；;！!？?“”‘’\"'（）()《》、—…·．.]", "", text)


REPORT_PLAIN = _normalised(REPORT)

# (figure id, value, unit) straight from the brief's table and the report.
FIGURES = [
    ("rd-investment", 4785, "yi_cny"),
    ("patents", 174.7, "count"),
    ("tech-contracts", 6465, "yi_cny"),
    ("listed-companies", 532, "count"),
    ("multinational-hqs", 116, "count"),
    ("unicorns", 93, "count"),
    ("new-companies-per-day", 130, "count"),
    ("total-revenue", 10, "wanyi_cny"),
    ("high-tech-zone-share", 1, "fraction"),
    ("land-share", 3, "percent"),
    ("gdp-share", 1, "fraction"),
    ("benchmark-platforms", 25, "count"),
    ("poc-platforms", 26, "count"),
    ("innovation-consortia", 27, "count"),
    ("specialist-parks", 64, "count"),
    ("shallow-water-years", 3, "count"),
    ("patient-capital-funds", 8, "count"),
    ("overseas-rd-centres", 1000, "count"),
    ("multinational-rd-centres", 300, "count"),
    ("foreign-employees", 10000, "count"),
    ("partner-institutions", 400, "count"),
    ("funding-obstacle", 68, "percent"),
]


@pytest.mark.parametrize(("figure_id", "value", "unit"), FIGURES)
def test_every_figure_of_the_brief(bundled: LoadedContent, figure_id: str, value: float, unit: str) -> None:
    figure = bundled.content.figure(figure_id)
    assert (figure.value, figure.unit) == (value, unit)


def test_figure_sentences_come_from_the_report(bundled: LoadedContent) -> None:
    for figure in bundled.content.figures:
        for part in re.split(r"……|\.\.\.", figure.sentence["zh"]):
            assert _normalised(part) in REPORT_PLAIN, (figure.id, part)


def test_quotes_are_the_report_s_words(bundled: LoadedContent) -> None:
    """Sentence by sentence: a quote the report interrupts with "he said" is joined up."""
    for voice in bundled.content.voices:
        for part in re.split(r"……|[。！？]", voice.quote["zh"]):
            assert _normalised(part) in REPORT_PLAIN, (voice.id, part)


def test_eight_people_are_quoted(bundled: LoadedContent) -> None:
    names = {voice.name["en"] for voice in bundled.content.voices}
    assert len(names) == 8
    assert {"Zhang Jihong", "Larsson", "Jawad", "Li Zhong", "Ebba Lund", "Tom Bentley"} <= names


def test_five_visions_each_with_two_to_four_figures(bundled: LoadedContent) -> None:
    visions = bundled.content.visions
    assert [v.name["zh"] for v in visions] == ["创新", "绿色", "智慧", "人文", "开放"]
    assert all(2 <= len(v.figures) <= 4 for v in visions)


def test_tours_cover_the_chain_and_the_robot_park(bundled: LoadedContent) -> None:
    daxing, yizhuang = bundled.content.tours
    chain_text = " ".join(stop.text["zh"] for stop in daxing.stops)
    for link in ("制氢", "储运", "加注", "终端应用", "墨西哥", "宜家", "可口可乐", "1000公里"):
        assert link in chain_text
    robot_text = " ".join(stop.text["zh"] for stop in yizhuang.stops)
    for name in ("优必选", "跨维智能", "灵足时代", "人形机器人", "医疗机器人", "智能感知"):
        assert name in robot_text


def test_every_figure_is_shown_on_a_figures_screen(bundled: LoadedContent) -> None:
    grouped = {figure_id for group in bundled.content.figure_groups for figure_id in group.figures}
    assert grouped == {figure.id for figure in bundled.content.figures}
