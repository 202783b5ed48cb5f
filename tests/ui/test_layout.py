"""The layout checker: proven on widgets built to fail, then run on every screen of the kiosk."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app.layout_check import Combination, check_combination, collapsed, matrix
from kiosk.cli import main
from kiosk.content import LoadedContent, LocalText
from kiosk.system.resources import icon_path
from kiosk.ui import layout_audit as la
from kiosk.ui.language import LanguageState
from kiosk.ui.pages.base import PageScrollArea
from kiosk.ui.preferences import Preferences
from kiosk.ui.snapshot import PageSnapshots
from kiosk.ui.theme import FONT_FAMILY, Theme
from kiosk.ui.widgets.buttons import ColourTile

ISSUE = "waits for the screen-craft fix (issue 17)"


# ---- the checker on purpose-built screens ------------------------------------------------------


@pytest.fixture
def screen(qtbot: QtBot) -> QWidget:
    """An 800x600 window with a navigation bar along its bottom (the bar: `screen.nav`)."""
    window = QWidget()
    window.setFixedSize(800, 600)
    nav = QFrame(window)
    nav.setGeometry(0, 520, 800, 80)
    window.nav = nav  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    return window


def show(window: QWidget) -> None:
    window.show()
    QApplication.processEvents()


def font(px: int = 30) -> QFont:
    result = QFont(FONT_FAMILY)
    result.setPixelSize(px)
    return result


def label(parent: QWidget, text: str, rect: QRect, wrap: bool = False) -> QLabel:
    widget = QLabel(text, parent)
    widget.setFont(font())
    widget.setWordWrap(wrap)
    widget.setGeometry(rect)
    return widget


def run(window: QWidget, must_fit: bool = True, **options: object) -> list[la.LayoutProblem]:
    return la.audit(window, must_fit=must_fit, nav=window.nav, **options)  # type: ignore[arg-type,attr-defined]


def kinds(problems: list[la.LayoutProblem]) -> list[str]:
    return [problem.kind for problem in problems]


class TextInABox(QAbstractButton):
    """A button that draws its text into a box, clipped there, as the kiosk's tiles do."""

    def __init__(self, text: str, box: QRectF, elide: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self._box, self._elide = box, elide

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(font())
        text = self.text()
        if self._elide:
            text = QFontMetrics(font()).elidedText(text, Qt.TextElideMode.ElideRight, int(self._box.width()))
        painter.drawText(self._box, int(Qt.AlignmentFlag.AlignLeft), text)
        painter.end()


def test_a_clean_screen_has_no_problems(screen: QWidget) -> None:
    label(screen, "Innovative", QRect(40, 40, 400, 60))
    label(screen, "A paragraph that wraps over two lines here", QRect(40, 120, 360, 100), wrap=True)
    for x in (40, 200):
        button = QPushButton("OK", screen)
        button.setGeometry(x, 300, 120, 80)
    TextInABox("Green", QRectF(10, 10, 200, 60), parent=screen).setGeometry(400, 300, 220, 80)
    QPushButton("Home", screen.nav).setGeometry(20, 8, 120, 64)  # type: ignore[attr-defined]
    show(screen)
    assert run(screen) == []


def test_a_label_narrower_than_its_text_is_cut(screen: QWidget) -> None:
    label(screen, "Innovative", QRect(40, 40, 100, 60))
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.TEXT_CUT]
    assert problems[0].widget == 'QLabel "Innovative"'
    assert "px wide" in problems[0].detail


def test_a_wrapped_label_lower_than_its_lines_is_cut(screen: QWidget) -> None:
    label(screen, "A paragraph that wraps over three or four lines", QRect(40, 40, 200, 40), wrap=True)
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.TEXT_CUT]
    assert "high" in problems[0].detail


def test_text_a_widget_draws_past_its_box_is_cut(screen: QWidget) -> None:
    TextInABox("Innovative", QRectF(10, 10, 90, 60), parent=screen).setGeometry(40, 40, 220, 80)
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.TEXT_CUT]
    assert "'Innovative' is cut by its box (right" in problems[0].detail


def test_the_kiosk_tile_cut_to_innovati_is_found(qtbot: QtBot, screen: QWidget) -> None:
    language = LanguageState(("zh", "en"), "en")
    name = LocalText({"zh": "创新", "en": "Innovative"})
    tile = ColourTile(language, Theme(text_scale=1.5), name, "#4C8DFF", icon_path("figures"), parent=screen)
    tile.setGeometry(40, 40, 230, 128)
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.TEXT_CUT]
    assert problems[0].widget.startswith('ColourTile "Innovative"')


def test_elided_text_is_found(screen: QWidget) -> None:
    TextInABox("Innovation everywhere", QRectF(10, 10, 150, 60), elide=True, parent=screen).setGeometry(
        40, 40, 220, 80
    )
    show(screen)
    assert la.TEXT_ELIDED in kinds(run(screen))


def test_a_widget_over_the_navigation_bar_is_found(screen: QWidget) -> None:
    panel = QFrame(screen)
    panel.setGeometry(40, 400, 300, 160)  # 40 px of it over the bar
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.OVER_NAV]
    assert "300x40+40+520" in problems[0].detail


def test_a_widget_outside_the_window_is_found(screen: QWidget) -> None:
    QFrame(screen).setGeometry(700, 40, 200, 100)
    show(screen)
    assert kinds(run(screen)) == [la.OUTSIDE_WINDOW]


def test_a_widget_cut_by_its_panel_is_found(screen: QWidget) -> None:
    panel = QFrame(screen)
    panel.setGeometry(40, 40, 300, 200)
    label(panel, "Open", QRect(200, 20, 200, 60))  # 100 px of it beyond the panel's edge
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.CLIPPED]
    assert problems[0].widget == 'QLabel "Open"'


def test_a_panel_too_low_for_what_it_holds_is_found(screen: QWidget) -> None:
    panel = QFrame(screen)
    layout = QVBoxLayout(panel)
    for text in ("One", "Two", "Three", "Four"):
        item = QLabel(text)
        item.setFont(font())
        layout.addWidget(item)
    panel.setGeometry(40, 40, 300, 120)
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.OVERFLOW]  # the squeezed labels are its consequence, not reported
    assert problems[0].widget == "QFrame"


def test_a_40px_button_is_too_small(screen: QWidget) -> None:
    QPushButton("x", screen).setGeometry(40, 40, 40, 40)
    show(screen)
    problems = run(screen, min_target_px=64)
    assert kinds(problems) == [la.SMALL_TARGET]
    assert problems[0].detail == "40x40 px, under 64x64"


def test_targets_8px_apart_are_too_close(screen: QWidget) -> None:
    QPushButton("1", screen).setGeometry(40, 40, 100, 100)
    QPushButton("2", screen).setGeometry(148, 40, 100, 100)
    QPushButton("3", screen).setGeometry(300, 40, 100, 100)  # 52 px from "2": fine
    show(screen)
    problems = run(screen, min_gap_px=16)
    assert kinds(problems) == [la.CROWDED_TARGETS]
    assert problems[0].detail == '8 px from QPushButton "2", under 16'


def test_a_page_that_must_fit_may_not_scroll(screen: QWidget) -> None:
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setSpacing(24)
    for text in ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh"):
        layout.addWidget(QPushButton(text))
        layout.itemAt(layout.count() - 1).widget().setMinimumHeight(80)  # type: ignore[union-attr]
    area = PageScrollArea(body, Theme(), screen)
    area.setGeometry(0, 0, 800, 520)
    show(screen)
    assert area.verticalScrollBar().maximum() > 0
    problems = run(screen, must_fit=True)
    assert kinds(problems) == [la.NEEDS_SCROLL]
    assert "the page" not in problems[0].detail  # a bare scroll area: not a page's
    assert 'QPushButton "Seventh"' in problems[0].detail
    assert kinds(run(screen, must_fit=False, targets_in_view=True)) == [la.TARGET_HIDDEN]
    assert run(screen, must_fit=False) == []  # where scrolling is allowed, what scrolls is not cut


def find_width(text: str, wanted: object) -> tuple[QLabel, int]:
    """A wrapped label of `text` and a width at which its lines satisfy `wanted(lines)`."""
    probe = QLabel(text)
    probe.setFont(font())
    probe.setWordWrap(True)
    for width in range(60, 900):
        if wanted(la.label_lines(probe, width)):  # type: ignore[operator]
            return probe, width
    raise AssertionError(f"no width breaks {text!r} that way")


def test_a_number_torn_from_its_measure_word_is_found(screen: QWidget) -> None:
    text = "平均每天诞生科技型企业近130家，数量还在增长"
    probe, width = find_width(
        text,
        lambda lines: (
            len(lines[-1]) > 2
            and any(a.endswith("130") and b.startswith("家") for a, b in itertools.pairwise(lines))
        ),
    )
    line = label(screen, text, QRect(40, 40, width, probe.heightForWidth(width) + 4), wrap=True)
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.NUMBER_SPLIT]
    assert "'家' from its number" in problems[0].detail
    assert "130|家" in problems[0].detail
    assert problems[0].widget.startswith("QLabel")
    assert line.isVisible()


def test_one_character_alone_on_the_last_line_is_found(screen: QWidget) -> None:
    text = "海外研发中心或分支机构"
    probe, width = find_width(text, lambda lines: len(lines) == 2 and lines[-1] == "构")
    label(screen, text, QRect(40, 40, width, probe.heightForWidth(width) + 4), wrap=True)
    show(screen)
    problems = run(screen)
    assert kinds(problems) == [la.LONE_CHARACTER]
    assert problems[0].detail == "the last line holds only '构'"


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        (["天诞生科技型企业近130", "家。"], [la.NUMBER_SPLIT, la.LONE_CHARACTER]),
        (["超过1.5", "万人"], [la.NUMBER_SPLIT]),
        (["面积约 488 ", "平方公里的园区"], [la.NUMBER_SPLIT]),
        (["共计1,0", "00家企业在此"], [la.NUMBER_SPLIT]),
        (["In 2024 ", "2025 was planned"], []),  # two numbers, broken at the space between them
        (["over 1,000 ", "km of range"], []),
        (["海外研发中心或分支机", "构。"], [la.LONE_CHARACTER]),
        (["海外研发中心或分支", "机构"], []),
    ],
)
def test_line_break_rules(lines: list[str], found: list[str]) -> None:
    assert [kind for kind, _ in la.line_break_problems(lines)] == found


# ---- the command --------------------------------------------------------------------------------


def test_the_default_matrix() -> None:
    combos = matrix()
    assert len(combos) == 25  # 5 sizes x (3 text sizes + high contrast at x1 and x1.5)
    assert Combination((1280, 800), 1.5, True) in combos
    assert Combination((1280, 800), 1.25, True) not in combos
    assert len(matrix([(1920, 1080)], high_contrast=True)) == 6
    assert len(matrix([(1920, 1080)], [1.0], high_contrast=False)) == 1


def test_the_command_lists_every_problem(
    qapp: QApplication,
    capsys: pytest.CaptureFixture[str],
    content_dict: dict[str, object],
    write_content: Callable[[object], Path],
) -> None:
    # A vision named with one word wider than the screen: no column count keeps it whole.
    data = json.loads(json.dumps(content_dict))
    data["visions"][0]["name"]["en"] = "Innovative" * 8
    path = write_content(data)
    options = ["--size", "1280x800", "--text-scale", "1.5", "--lang", "en", "--data", str(path)]
    code = main(["check-layout", *options, "--json"])
    assert code == 1
    report = json.loads(capsys.readouterr().out)
    assert report["combinations"] == ["1280x800 x1.5", "1280x800 x1.5 hc"]
    tiles = [p for p in report["problems"] if p["widget"].startswith("ColourTile#vision-tile-innovative")]
    # Home takes steps at x1.5: the tiles are on its first.
    assert {(p["screen"], p["kind"], p["lang"]) for p in tiles} == {("home#1", la.TEXT_CUT, "en")}
    assert "'InnovativeInnovative" in tiles[0]["detail"]
    assert "is cut by its box" in tiles[0]["detail"]
    code = main(["check-layout", *options])
    out = capsys.readouterr().out
    assert code == 1
    assert re.search(r"^home +1280x800", out, re.MULTILINE), out  # the summary's row
    assert '1280x800 en x1.5 home#1 text-cut: ColourTile#vision-tile-innovative "InnovativeInnovative' in out


def test_the_command_refuses_an_unknown_language(qapp: QApplication) -> None:
    assert main(["check-layout", "--lang", "fr"]) == 2


# ---- the kiosk, every screen in every combination ---------------------------------------------
#
# Each combination runs both languages, every page and step, the figure details, the overlays
# and (at x1, normal contrast) the attract loop, the content-error screen and the presenter view,
# with the same code as `kiosk check-layout`. A combination that fails today is marked with the
# kinds of problem it has (and where, for example): it must fail with exactly those kinds, so a
# fix (or a new defect) forces the marker to change.

KNOWN_DEFECTS: dict[Combination, str] = {
    Combination((1366, 768), 1): ("needs-scroll: figures/platforms"),
    Combination((1366, 768), 1, True): ("needs-scroll: figures/platforms"),
}


class KnownLayoutDefectError(Exception):
    """The combination fails with exactly the kinds of problem its marker names."""


def known_kinds(reason: str) -> set[str]:
    return {part.split(":")[0].strip() for part in reason.split("|")}


def combination_id(combination: Combination) -> str:
    return str(combination).replace(" ", "-")


def combination_params() -> list[object]:
    params: list[object] = []
    for combination in matrix():
        reason = KNOWN_DEFECTS.get(combination)
        marks = (
            [pytest.mark.xfail(strict=True, raises=KnownLayoutDefectError, reason=f"{ISSUE}: {reason}")]
            if reason
            else []
        )
        params.append(pytest.param(combination, marks=marks, id=combination_id(combination)))
    return params


@pytest.mark.parametrize("combination", combination_params())
def test_every_screen(qapp: QApplication, bundled: LoadedContent, combination: Combination) -> None:
    failures = check_combination(bundled, combination)
    report = "\n".join(failure.line(screen) for failure, screen in collapsed(failures))
    found = {failure.problem.kind for failure in failures}
    reason = KNOWN_DEFECTS.get(combination)
    if reason is not None and failures and found == known_kinds(reason):
        raise KnownLayoutDefectError(f"{len(failures)} problems, as known:\n{report}")
    expected = f"the marker expects {sorted(known_kinds(reason))}, " if reason else ""
    assert not failures, f"{expected}found {sorted(found)} ({len(failures)} problems):\n{report}"


# ---- the two defects the screen-craft fix was about (issue 17) --------------------------------


def test_home_fits_without_scrolling_at_1920x1080(qapp: QApplication, bundled: LoadedContent) -> None:
    snapshots = PageSnapshots(bundled, "zh", (1920, 1080))
    theme = snapshots.session.theme
    found: list[str] = []
    try:
        for lang in ("zh", "en"):
            if snapshots.show("home", None, lang) is None:
                raise LookupError("no home page")
            problems = la.audit(
                snapshots.window,
                must_fit=True,
                nav=snapshots.window.nav,
                min_target_px=theme.target(64),
                min_gap_px=theme.px(16),
            )
            found += [f"{lang}: {p.detail}" for p in problems if p.kind == la.NEEDS_SCROLL]
    finally:
        snapshots.close()
    assert not found, "\n".join(found)


def test_innovative_tile_is_not_cut_at_1280x800_text_1_5(qapp: QApplication, bundled: LoadedContent) -> None:
    snapshots = PageSnapshots(bundled, "zh", (1280, 800), preferences=Preferences(text_scale=1.5))
    found: list[str] = []
    try:
        for lang in ("zh", "en"):
            if snapshots.show("home", None, lang) is None:
                raise LookupError("no home page")
            problems = la.audit(snapshots.window, must_fit=False, nav=snapshots.window.nav)
            tile = "ColourTile#vision-tile-innovative"
            found += [
                f"{lang}: {p.widget} — {p.detail}"
                for p in problems
                if p.kind == la.TEXT_CUT and p.widget.startswith(tile)
            ]
    finally:
        snapshots.close()
    assert not found, "\n".join(found)
