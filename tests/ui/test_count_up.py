"""Count-ups read true at every frame: what the painter draws is the figure or bare digits."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Figure, LoadedContent
from kiosk.i18n.numbers import format_figure
from kiosk.ui.charts import BarsChart
from kiosk.ui.frame_clock import FRAME_MS
from kiosk.ui.layout_audit import drawn_texts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.base import Page
from kiosk.ui.widgets.figure_card import FigureNumber

MakeWindow = Callable[..., MainWindow]
FRAMES = 40
_BARE_NUMBER = re.compile(r"^\d[\d.,]*$")


def _entering(qtbot: QtBot, window: MainWindow, page_id: str) -> Page:
    window.session.go_to(page_id, direction=1)
    page = window.current_page
    qtbot.waitUntil(lambda: page.entrance is not None and page.entrance.running)
    return page


def _whole(figure: Figure, lang: str) -> set[str]:
    """The figure as a phrase ("约三分之一") and as set large ("约1/3")."""
    formatted = format_figure(figure, lang)
    return {formatted.text, "".join(text for text, _ in formatted.runs)}


def _reads_true(shown: str, figure: Figure, lang: str) -> bool:
    """The whole figure, or bare digits no larger than it (they state nothing on their own)."""
    if shown in _whole(figure, lang):
        return True
    if not _BARE_NUMBER.match(shown):
        return False
    return float(shown.replace(",", "")) <= float(format_figure(figure, lang).number.replace(",", ""))


def _painted(widget: QWidget) -> str:
    return "".join(run.text for run in drawn_texts(widget))


def _frames(page: Page) -> list[float]:
    assert page.entrance is not None
    total = page.entrance.total_ms
    return [total * i / FRAMES for i in range(FRAMES + 1)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "page_id",
    [
        "figures/innovation",  # CNY 478.5 billion: bars
        "figures/revenue",  # nearly CNY 10 trillion
        "figures/footprint",  # under 3 %, about one third: shares
        "figures/global-reach",  # over 1,000, nearly 300, over 10,000: cards
        "figures/funding",  # 68 %: cells
        "vision/open",
        "vision/innovative",
    ],
)
def test_every_frame_of_a_count_up_reads_true(
    qtbot: QtBot, make_window: MakeWindow, bundled: LoadedContent, page_id: str, lang: str
) -> None:
    window = make_window(lang=lang)
    page = _entering(qtbot, window, page_id)
    assert page.entrance is not None
    numbers = page.findChildren(FigureNumber)
    chart = getattr(page, "chart", None)
    bars = chart if isinstance(chart, BarsChart) else None
    assert numbers or bars
    counted: set[str] = set()
    for elapsed in _frames(page):
        page.entrance.seek(elapsed)
        for number in numbers:
            shown = _painted(number)
            figure = bundled.content.figure(number.figure.id)
            assert _reads_true(shown, figure, lang), (figure.id, elapsed, shown)
            counted.add(shown)
        if bars is not None:
            for value, figure in zip(bars.values, bars.figures, strict=True):
                shown = value.textItem.toPlainText()
                assert _reads_true(shown, figure, lang), (figure.id, elapsed, shown)
                counted.add(shown)
    # The count-up did run: frames showed digits on the way, and every figure ended whole.
    assert any(_BARE_NUMBER.match(shown) for shown in counted)
    for number in numbers:
        assert _painted(number) in _whole(number.figure, lang)


def test_the_words_appear_where_they_stand_at_the_end(qtbot: QtBot, window: MainWindow) -> None:
    """Mid-count the digits stand where the final number stands; nothing jumps when the
    qualifier and unit appear beside them."""
    page = _entering(qtbot, window, "figures/global-reach")
    assert page.entrance is not None
    number = page.findChildren(FigureNumber)[0]  # 超过1000家
    page.entrance.seek(page.entrance.total_ms * 0.3)
    runs = drawn_texts(number)
    assert len(runs) == 1
    assert _BARE_NUMBER.match(runs[0].text)
    middle_x = runs[0].origin.x()
    page.entrance.finish()
    runs = drawn_texts(number)
    assert "".join(run.text for run in runs) == "超过1000家"
    digits = next(run for run in runs if run.text == "1000")
    assert digits.origin.x() == pytest.approx(middle_x)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_id", ["figures/global-reach", "vision/green", "vision/open"])
def test_every_frame_of_a_count_shows_a_new_number_until_it_arrives(
    qtbot: QtBot, make_window: MakeWindow, page_id: str, lang: str
) -> None:
    """The easing lands slower than a digit a frame: there the count takes the next number
    itself, so no frame repeats the last one's number and the count ends when it arrives
    (before the easing would have), never going back."""
    window = make_window(lang=lang, motion_scale=1.0)  # the frames of the real durations
    page = _entering(qtbot, window, page_id)
    entrance = page.entrance
    assert entrance is not None
    numbers = [number for number in page.findChildren(FigureNumber) if number.figure.value >= 10]
    assert numbers
    entrance.seek(0)
    shown: dict[FigureNumber, list[str]] = {number: [_painted(number)] for number in numbers}
    elapsed = 0.0
    while elapsed < entrance.total_ms:
        elapsed += FRAME_MS
        entrance.seek(elapsed)
        for number in numbers:
            shown[number].append(_painted(number))
    for number, frames in shown.items():
        whole = _whole(number.figure, lang)
        arrived = next(i for i, text in enumerate(frames) if text in whole)
        started = next(i for i, text in enumerate(frames) if text != frames[0])
        counting = frames[started : arrived + 1]
        assert all(a != b for a, b in itertools.pairwise(counting)), (number.figure.id, frames)
        assert all(text in whole for text in frames[arrived:]), (number.figure.id, frames)
    # A count of hundreds arrives well before its easing would have ended (it held its last
    # digit for about a quarter of a second before).
    arrivals = [
        FRAME_MS * next(i for i, text in enumerate(frames) if text in _whole(number.figure, lang))
        for number, frames in shown.items()
    ]
    assert min(arrivals) < entrance.total_ms - 300, arrivals
