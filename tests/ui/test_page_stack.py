"""The slide between two pages ends when nothing visible is left to change."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui import theme as th
from kiosk.ui.frame_clock import FRAME_MS
from kiosk.ui.page_stack import SLIDE_SHARE, PageStack, settled_progress


def test_the_settled_point_leaves_under_half_a_pixel_and_half_a_colour_level() -> None:
    for shift in (1920 * SLIDE_SHARE, 3840 * SLIDE_SHARE, 200.0):
        settled = settled_progress(shift)
        assert shift * (1 - settled) <= 0.5 + 1e-9
        assert 255 * (1 - settled) <= 0.5 + 1e-9
        a_little_sooner = settled - 0.002
        assert shift * (1 - a_little_sooner) > 0.5 or 255 * (1 - a_little_sooner) > 0.5
    assert settled_progress(0) == 1.0 - 0.5 / 255


def _page(text: str, colour: str) -> QWidget:
    page = QLabel(text)
    page.setAutoFillBackground(True)
    page.setStyleSheet(f"background: {colour}; font-size: 48px")
    return page


def _stack_of_two(qtbot: QtBot, width: int, height: int) -> tuple[PageStack, QWidget, QWidget]:
    """A stack on screen with two plain pages, the first one current."""
    stack = PageStack(theme=th.Theme.for_size(width, height))
    qtbot.addWidget(stack)
    stack.resize(width, height)
    first, second = _page("one", "#203050"), _page("two", "#502030")
    stack.add(first)
    stack.add(second)
    stack.show()
    qtbot.waitExposed(stack)
    stack.show_page(first)
    return stack, first, second


def test_the_slide_hands_over_to_the_page_once_settled(qtbot: QtBot) -> None:
    stack, _first, second = _stack_of_two(qtbot, 1920, 1080)
    stack.show_page(second, direction=1)
    overlay = stack.overlay
    assert overlay.isVisible()
    overlay.animation.stop()  # the steps below stand for the frame clock
    shift = overlay.width() * SLIDE_SHARE * overlay.devicePixelRatioF()
    settled = settled_progress(shift)
    overlay.animation.value_changed.emit(settled - 0.01)
    assert overlay.isVisible(), "the slide ended while it still moved"
    with qtbot.waitSignal(stack.page_entered, timeout=1000) as entered:
        overlay.animation.value_changed.emit(settled)
    assert entered.args == [second]
    assert overlay.isHidden()
    assert QColor(second.grab().toImage().pixel(5, 5)) == QColor("#502030")


def test_the_first_frame_of_a_slide_already_shows_it_moving(qtbot: QtBot) -> None:
    """The frame painted in the input's own turn is one frame into the slide: painted at its
    start it would equal the screen it leaves, and the input would look unanswered a frame longer."""
    stack, _first, second = _stack_of_two(qtbot, 1280, 800)
    leaving = stack.grab().toImage()
    stack.show_page(second, direction=1)
    stack.overlay.animation.stop()  # hold the slide at its first frame
    first_frame = stack.overlay.grab().toImage()
    assert first_frame != leaving
    assert QColor(first_frame.pixel(5, 400)) != QColor(leaving.pixel(5, 400))


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(np.int16)


def _visibly_changed(a: np.ndarray, b: np.ndarray) -> int:
    """Pixels that changed by more than a tenth of the colour range: what an eye (or a camera
    on the screen) sees move."""
    return int((np.abs(a - b).max(axis=-1) > VISIBLE_LEVELS).sum())


VISIBLE_LEVELS = 24


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_every_frame_of_a_slide_changes_the_screen_until_it_ends(qtbot: QtBot, size: tuple[int, int]) -> None:
    """No frame of the slide repeats the one before (a held frame is a stutter to the eye), the
    page it hands over to included: the slide ends once it has nothing left to show."""
    stack, _first, second = _stack_of_two(qtbot, *size)
    previous = _pixels(stack.grab().toImage())
    stack.show_page(second, direction=1)
    overlay = stack.overlay
    overlay.animation.stop()  # the frame clock's ticks, one by one, below
    changed_per_frame = []
    elapsed = FRAME_MS
    while True:
        frame = _pixels((overlay if overlay.isVisible() else second).grab().toImage())
        changed_per_frame.append(_visibly_changed(frame, previous))
        previous = frame
        if overlay.isHidden():
            break
        elapsed += FRAME_MS
        if elapsed >= overlay.animation.duration_ms:
            overlay.finish()
        else:
            overlay.animation.value_changed.emit(overlay.animation.value_at(elapsed))
    assert len(changed_per_frame) >= 10, "a slide of a dozen frames or more"
    assert min(changed_per_frame) >= size[1] // 2, str(changed_per_frame)  # an edge moved, at least
