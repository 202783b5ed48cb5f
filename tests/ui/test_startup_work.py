"""The start-up's work after the first frame gives way to the visitor: a tap made while it runs
is answered on screen before its next step, and the preload's worker waits while a finger is
on the glass."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from touch import press, release

from kiosk.app.startup_work import StartupSteps, VisitorFirst
from kiosk.ui.main_window import MainWindow


def test_a_tap_during_the_start_up_work_is_answered_before_its_next_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.nav is not None
    button = window.nav.language_button
    happened: list[str] = []
    frames_at_answer: list[int] = []

    def on_language_changed(lang: str) -> None:
        happened.append(f"language {lang}")
        frames_at_answer.append(window.frames_painted_count())

    window.session.language.changed.connect(on_language_changed)

    def first() -> None:
        happened.append("first step")
        # A tap on the language button while this step runs: queued, as the window system
        # queues a real one, to be delivered after the step.
        at = QPointF(button.mapTo(window, button.rect().center()))
        handle = window.windowHandle()
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            buttons = (
                Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
            )
            event = QMouseEvent(
                kind,
                at,
                handle.mapToGlobal(at),
                Qt.MouseButton.LeftButton,
                buttons,
                Qt.KeyboardModifier.NoModifier,
            )
            QCoreApplication.postEvent(handle, event)

    def second() -> None:
        answer_painted = window.frames_painted_count() > frames_at_answer[0] if frames_at_answer else False
        happened.append("second step, after the answer's frame" if answer_painted else "second step")

    visitor = VisitorFirst(window)
    steps = StartupSteps(visitor, [first, second])
    try:
        steps.start()
        qtbot.waitUntil(lambda: steps.remaining == 0, timeout=5000)
    finally:
        visitor.stop()
        window.session.language.changed.disconnect(on_language_changed)
    assert happened == ["first step", "language en", "second step, after the answer's frame"]
    assert button.text() == "中文"  # the button now offers the way back


def test_the_way_stays_shut_while_a_finger_is_down_and_opens_once_the_answer_is_drawn(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.nav is not None
    button = window.nav.language_button
    visitor = VisitorFirst(window, settle_ms=30, longest_ms=60_000)
    openings: list[str] = []
    visitor.opened.append(lambda: openings.append(window.session.language.current))
    try:
        assert visitor.clear.is_set()
        at = press(button)
        assert not visitor.clear.is_set()  # the preload's worker waits at its next import
        QApplication.processEvents()
        assert not visitor.clear.is_set()
        release(button, at)
        qtbot.waitUntil(visitor.clear.is_set, timeout=5000)
    finally:
        visitor.stop()
    assert openings == ["en"]  # opened once, with the answer on screen


def test_input_that_changes_nothing_holds_the_work_back_only_briefly(
    qtbot: QtBot, window: MainWindow
) -> None:
    visitor = VisitorFirst(window, settle_ms=30, longest_ms=60_000)
    try:
        at = press(window.stack)  # an empty part of the page: no answer to wait for
        release(window.stack, at)
        qtbot.waitUntil(visitor.clear.is_set, timeout=2000)
    finally:
        visitor.stop()
