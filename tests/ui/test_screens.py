"""Layouts at the screen sizes of the brief: touch targets, scaling, nothing clipped."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from kiosk.ui import theme as th
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.text import Paragraph

MakeWindow = Callable[..., MainWindow]

SIZES = [(1920, 1080), (1080, 1920), (1280, 800), (3840, 2160)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_target_is_at_least_64px(qtbot: QtBot, make_window: MakeWindow, size: tuple[int, int]) -> None:
    window = make_window(size=size)
    scale = th.scale_for(*size)
    for ref in window.session.refs:
        window.session.go_to(ref.id, direction=0)
        qtbot.waitUntil(lambda: window.current_page is not None and window.current_page.isVisible())
        for button in window.findChildren(QAbstractButton):
            if button.isVisible():
                least = max(64, round(64 * scale))
                assert button.width() >= least, (ref.id, button.objectName(), button.size())
                assert button.height() >= least, (ref.id, button.objectName(), button.size())


def test_4k_is_the_1080p_layout_twice_as_large(make_window: MakeWindow) -> None:
    small = make_window(size=(1920, 1080))
    large = make_window(size=(3840, 2160))
    assert large.theme.scale == 2 * small.theme.scale
    assert large.nav is not None
    assert small.nav is not None
    assert large.nav.height() == 2 * small.nav.height()
    assert large.theme.font_px("body") == 2 * small.theme.font_px("body")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_label_is_cut_off(qtbot: QtBot, make_window: MakeWindow, size: tuple[int, int], lang: str) -> None:
    """Every visible label gets at least the height its text needs at its width."""
    window = make_window(size=size, lang=lang, reduced_motion=True)
    for ref in window.session.refs:
        window.session.go_to(ref.id, direction=0)
        page = window.current_page
        assert page is not None
        for step in range(page.step_count()):
            page.set_step(step)
            qtbot.waitUntil(lambda page=page: not page.scroll_area.fit_pending)
            for label in page.findChildren(QLabel):
                if label.isVisible() and label.text() and label.wordWrap():
                    needed = label.heightForWidth(label.width())
                    assert label.height() >= needed - 1, (
                        ref.id,
                        step,
                        label.text()[:40],
                        label.size(),
                        needed,
                    )
            for paragraph in page.findChildren(Paragraph):
                if paragraph.isVisible():
                    needed = paragraph.heightForWidth(paragraph.width())
                    assert paragraph.height() >= needed - 1, (ref.id, step, paragraph.text()[:40], needed)


def test_body_text_is_at_least_28px_everywhere() -> None:
    for size in SIZES:
        theme = th.Theme.for_size(*size)
        assert theme.font_px("body") >= 28
        assert theme.font_px("caption") >= 22


def test_window_resize_rebuilds_and_keeps_the_place(qtbot: QtBot, window: MainWindow) -> None:
    window.session.go_to("tour/yizhuang", direction=0)
    page = window.current_page
    assert page is not None
    page.set_step(2)
    window.setFixedSize(1080, 1920)
    qtbot.waitUntil(lambda: window.theme.portrait)
    assert window.session.current_id == "tour/yizhuang"
    rebuilt = window.current_page
    assert rebuilt is not None
    assert rebuilt is not page
    assert rebuilt.step_index() == 2
