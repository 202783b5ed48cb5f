"""Figure screens: charts from the content, animated to exact final values, tappable, kiosk-safe."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from touch import press, release, tap
from visible import settled, visible_texts

from kiosk.content import LoadedContent
from kiosk.i18n.numbers import format_figure
from kiosk.ui.charts import BarsChart, RateChart, ShareChart
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.widgets.figure_card import FigureCard

MakeWindow = Callable[..., MainWindow]


def _figures_page(qtbot: QtBot, window: MainWindow, group_id: str, animate: bool = False) -> FiguresPage:
    window.session.go_to(f"figures/{group_id}", direction=1 if animate else 0)
    page = window.current_page
    assert isinstance(page, FiguresPage)
    return page


def _plot_point(chart: BarsChart, row_figure: int) -> QPoint:
    """Widget position (in the plot) of the middle of a figure's bar row."""
    count = len(chart.figures)
    row = count - 1 - row_figure
    scene = chart.plot.view.mapViewToScene(QPointF(chart.full * 0.3, row))
    return chart.plot.mapFromScene(scene)


@pytest.mark.parametrize("group_id", ["innovation", "companies", "platforms", "footprint"])
def test_bar_charts_end_on_the_content_values(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent, group_id: str
) -> None:
    page = _figures_page(qtbot, window, group_id)
    qtbot.waitUntil(lambda: settled(page))
    chart = page.chart
    assert isinstance(chart, BarsChart)
    group = next(g for g in bundled.content.figure_groups if g.id == group_id)
    figures = [bundled.content.figure(i) for i in group.figures]
    assert chart.shown_values() == [f.value for f in figures]
    expected = [f.share if chart.proportion else f.value for f in figures]
    assert chart.drawn_widths() == expected
    assert [v.textItem.toPlainText() for v in chart.values] == [format_figure(f, "zh").text for f in figures]
    assert [label.textItem.toPlainText() for label in chart.labels] == [f.label["zh"] for f in figures]


def test_the_chart_kind_comes_from_the_content(qtbot: QtBot, window: MainWindow) -> None:
    assert isinstance(_figures_page(qtbot, window, "footprint").chart, BarsChart)
    assert isinstance(_figures_page(qtbot, window, "funding").chart, ShareChart)
    assert isinstance(_figures_page(qtbot, window, "new-companies").chart, RateChart)
    counters = _figures_page(qtbot, window, "global-reach")
    assert counters.chart is None
    assert len(counters.figure_cards) == 4


def test_entrance_animates_and_lands_exactly(qtbot: QtBot, window: MainWindow) -> None:
    page = _figures_page(qtbot, window, "companies", animate=True)
    chart = page.chart
    assert isinstance(chart, BarsChart)
    final = chart.drawn_widths()
    # Growing: frames show the first bar short of its end, then the end exactly.
    qtbot.waitUntil(lambda: page.entrance is not None and page.entrance.running)
    seen_partial = []
    qtbot.waitUntil(lambda: seen_partial.append(chart.drawn_widths()[0]) or not page.entrance.running)  # type: ignore[union-attr]
    assert any(0 < width < final[0] for width in seen_partial)
    assert chart.drawn_widths() == final
    assert chart.shown_values() == [532, 116, 93]


def test_entrance_replays_on_every_visit(qtbot: QtBot, window: MainWindow) -> None:
    page = _figures_page(qtbot, window, "global-reach", animate=True)
    qtbot.waitUntil(lambda: page.entrance is not None and page.entrance.running)
    qtbot.waitUntil(lambda: settled(page))
    window.session.go_home()
    window.session.go_to("figures/global-reach")
    qtbot.waitUntil(lambda: page.entrance is not None and page.entrance.running)
    qtbot.waitUntil(lambda: settled(page))
    assert page.figure_cards[0].number.text() == "超过1000家"


def test_reduced_motion_shows_final_state_at_once(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(reduced_motion=True)
    window.session.go_to("figures/platforms")
    page = window.current_page
    assert isinstance(page, FiguresPage)
    assert isinstance(page.chart, BarsChart)
    assert page.entrance is not None
    assert not page.entrance.running
    assert page.chart.shown_values() == [25, 26, 27, 64]
    assert window.stack.overlay.isHidden()


def test_tap_on_a_bar_opens_its_detail_card(qtbot: QtBot, window: MainWindow, bundled: LoadedContent) -> None:
    page = _figures_page(qtbot, window, "innovation")
    qtbot.waitUntil(lambda: settled(page))
    chart = page.chart
    assert isinstance(chart, BarsChart)
    tap(chart.plot, _plot_point(chart, 1))
    detail = page.detail
    assert detail is not None
    qtbot.waitUntil(detail.isVisible)
    figure = bundled.content.figure("tech-contracts")
    assert detail.figure == figure
    texts = visible_texts(detail)
    assert figure.label["zh"] in texts
    assert "6465亿元" in texts
    # The page shows the report's sentence already: the card does not say it again.
    assert figure.sentence["zh"] not in texts
    assert texts.count(figure.label["zh"]) == 1
    tap(detail, QPoint(10, 10))  # outside the card
    qtbot.waitUntil(lambda: not detail.isVisible())


def test_the_detail_card_closes_with_its_own_button(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent
) -> None:
    """A Close a visitor can see and hit (at least 64 px each way), inside the card."""
    page = _figures_page(qtbot, window, "global-reach")
    qtbot.waitUntil(lambda: settled(page))
    tap(page.figure_cards[0])
    detail = page.detail
    assert detail is not None
    qtbot.waitUntil(detail.isVisible)
    close = detail.close_button
    assert close is not None
    assert close.isVisible()
    assert close.width() >= 64
    assert close.height() >= 64
    assert close.text() == "关闭"
    assert detail.card.geometry().contains(close.geometry().translated(detail.card.pos()))
    tap(close)
    qtbot.waitUntil(lambda: not detail.isVisible())


def test_a_vision_figure_detail_gives_the_reports_sentence(
    qtbot: QtBot, window: MainWindow, bundled: LoadedContent
) -> None:
    """A vision page does not show the sentences behind its figures: the card does."""
    window.session.go_to("vision/innovative", direction=0)
    page = window.current_page
    assert page is not None
    cards = [card for card in page.findChildren(FigureCard) if card.isVisible()]
    assert cards
    tap(cards[0])
    detail = page.detail
    assert detail is not None
    qtbot.waitUntil(detail.isVisible)
    assert detail.figure is not None
    assert detail.figure.sentence["zh"] in visible_texts(detail)


def test_detail_follows_the_language(qtbot: QtBot, window: MainWindow) -> None:
    page = _figures_page(qtbot, window, "global-reach")
    qtbot.waitUntil(lambda: settled(page))
    tap(page.figure_cards[3])  # foreign employees
    assert page.detail is not None
    qtbot.waitUntil(page.detail.isVisible)
    assert window.nav is not None
    window.session.language.toggle()
    assert "over 10,000" in visible_texts(page.detail)
    tap(page.detail.card)  # on the card itself: stays open
    assert page.detail.isVisible()


def test_tap_on_cells_opens_the_share(qtbot: QtBot, window: MainWindow) -> None:
    page = _figures_page(qtbot, window, "funding")
    chart = page.chart
    assert isinstance(chart, ShareChart)
    qtbot.waitUntil(lambda: settled(page))
    assert chart.waffles[0].lit == 68
    waffle = chart.waffles[0]
    point = waffle.mapFromScene(waffle.view.mapViewToScene(chart.tap_point(0)))
    tap(waffle, point)
    assert page.detail is not None
    assert page.detail.isVisible()
    assert page.detail.figure is not None
    assert page.detail.figure.id == "funding-obstacle"


def test_right_click_and_long_press_open_nothing(qtbot: QtBot, window: MainWindow) -> None:
    for group_id in ("innovation", "funding", "new-companies"):
        page = _figures_page(qtbot, window, group_id)
        qtbot.waitUntil(lambda page=page: settled(page))
        chart = page.chart
        assert chart is not None
        if isinstance(chart, RateChart):
            plot = chart.dial
        else:
            plot = chart.plot if hasattr(chart, "plot") else chart.waffles[0]  # type: ignore[attr-defined]
        surface = plot.viewport() if hasattr(plot, "viewport") else plot
        QTest.mouseClick(surface, Qt.MouseButton.RightButton, pos=surface.rect().center())
        at = press(plot)
        qtbot.wait(900)  # a long press: the time is the point of this test
        release(plot, at)
        QApplication.processEvents()
        assert QApplication.activePopupWidget() is None
        assert QApplication.activeModalWidget() is None
        assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
        if hasattr(plot, "view"):  # a pyqtgraph plot: its menus are never even built
            assert plot.view.menu is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_rate_reads_as_a_day_with_no_axis_and_no_fraction_of_a_company(
    qtbot: QtBot, make_window: MakeWindow, bundled: LoadedContent, lang: str
) -> None:
    """ "Nearly 130 a day": the report's figure with its qualifier, from the first frame to the
    last, beside a day whose marks light up; nothing on screen is a plot, an axis tick or a
    fraction of a company."""
    from pyqtgraph import PlotWidget  # noqa: PLC0415

    window = make_window(lang=lang)
    figure = bundled.content.figure("new-companies-per-day")
    final = format_figure(figure, lang).text
    page = _figures_page(qtbot, window, "new-companies", animate=True)
    chart = page.chart
    assert isinstance(chart, RateChart)
    assert not chart.findChildren(PlotWidget)
    seen_lit: set[int] = set()
    qtbot.waitUntil(lambda: page.entrance is not None and page.entrance.running)

    def check_frame() -> bool:
        texts = visible_texts(page)
        assert final in texts  # the true figure, never a count on its way
        for text in texts:
            assert not re.search(r"\d[.,]\d{2,}", text), text  # no "0.049", no "0.000"
        seen_lit.add(chart.dial.lit)
        return settled(page)

    qtbot.waitUntil(check_frame)
    assert chart.dial.count == 130  # one mark per company: whole companies
    assert chart.dial.lit == 130
    assert any(0 < lit < 130 for lit in seen_lit)  # the day filled while the page made its entrance
    assert all(float(lit).is_integer() for lit in seen_lit)
    chart.show_progress([0.5])
    assert chart.dial.lit == 65
    assert final in visible_texts(page)


def test_the_day_dial_lights_its_marks_in_the_groups_colour(qtbot: QtBot, window: MainWindow) -> None:
    page = _figures_page(qtbot, window, "new-companies")
    chart = page.chart
    assert isinstance(chart, RateChart)
    qtbot.waitUntil(lambda: settled(page))
    accent = QColor(page.accent())
    image = chart.dial.grab().toImage()
    ratio = chart.dial.devicePixelRatioF()
    lit = [image.pixelColor((p * ratio).toPoint()) for p in chart.dial.mark_centres()]
    assert all(colour == accent for colour in lit)
    chart.show_progress([0.0])
    image = chart.dial.grab().toImage()
    assert all(image.pixelColor((p * ratio).toPoint()) != accent for p in chart.dial.mark_centres())


def test_tapping_the_day_opens_the_figures_detail(qtbot: QtBot, window: MainWindow) -> None:
    page = _figures_page(qtbot, window, "new-companies")
    chart = page.chart
    assert isinstance(chart, RateChart)
    qtbot.waitUntil(lambda: settled(page))
    with qtbot.waitSignal(window.session.figure_opened) as opened:
        tap(chart.dial)
    assert opened.args == ["new-companies-per-day"]


XDG_FOLDERS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
_KIOSK_SCRIPT = (
    "import gc, os, sys, time; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
    "from kiosk.app import boot; from kiosk.app.kiosk import Kiosk;"
    "app = boot.create_application();"
    "kiosk = Kiosk(app, None, 'zh', True, (1920, 1080), False, app.primaryScreen());"
    "print('before the first frame:', 'pyqtgraph' in sys.modules);"
    "kiosk.show(app.primaryScreen());"
    "end = time.monotonic() + 30\n"
    "while boot._preload is None and time.monotonic() < end: app.processEvents()\n"
    "print('worker:', boot._preload is not None and not boot._preload.daemon);"
    "boot._preload.join(30);"
    "print('after:', 'pyqtgraph' in sys.modules, gc.get_freeze_count() > 1000);"
    "app.quit(); kiosk.shutdown()"
)


def test_the_chart_library_loads_on_a_worker_after_the_first_frame(tmp_path: Path) -> None:
    """The first screen never waits for pyqtgraph: it loads on a worker the interpreter waits
    for at exit (never torn down mid-import); once done, what start-up made is frozen out of
    the cyclic collector's walks."""
    env = {**os.environ, **{name: str(tmp_path / name) for name in XDG_FOLDERS}}
    result = subprocess.run(
        [sys.executable, "-c", _KIOSK_SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        timeout=90,
        env=env,
    )
    assert result.stdout.splitlines() == [
        "before the first frame: False",
        "worker: True",
        "after: True True",
    ], result.stderr


@pytest.mark.parametrize("size", [(1080, 1920), (1280, 800)])
def test_bar_values_stay_inside_their_chart(
    qtbot: QtBot, make_window: MakeWindow, size: tuple[int, int]
) -> None:
    """A long value ("CNY 646.5 billion") on a narrow screen steps its type down rather than run
    past the chart's edge."""
    window = make_window(size=size, lang="en")
    window.session.go_to("figures/innovation", direction=0)
    page = window.current_page
    assert isinstance(page, FiguresPage)
    chart = page.chart
    assert isinstance(chart, BarsChart)
    qtbot.waitUntil(lambda: settled(page), timeout=10_000)
    right = chart.plot.mapToGlobal(QPoint(chart.plot.width(), 0)).x()
    for value in chart.values:
        ink = value.sceneBoundingRect()
        view = chart.plot.mapFromScene(ink).boundingRect()
        assert chart.plot.mapToGlobal(view.topRight()).x() <= right + 2, value.toPlainText()
