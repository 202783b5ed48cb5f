"""The frame clock behind every kiosk animation: a precise timer, eased values from the time
elapsed, exact start and end values."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt
from pytestqt.qtbot import QtBot

from kiosk.ui.frame_clock import FRAME_MS, Tween


def test_a_tween_runs_from_its_start_to_exactly_its_end(qtbot: QtBot) -> None:
    tween = Tween(120, 10.0, 20.0, QEasingCurve.Type.OutCubic)
    values: list[float] = []
    tween.value_changed.connect(values.append)
    with qtbot.waitSignal(tween.finished, timeout=2000):
        tween.start()
        assert values == [10.0]  # the first frame's value at once, in the caller's turn
        assert tween.running
    assert not tween.running
    assert values[-1] == 20.0
    assert len(values) >= 4  # frames in between, not a jump
    assert values == sorted(values)


def test_values_follow_the_easing_of_the_time_elapsed() -> None:
    tween = Tween(200, 0.0, 1.0, QEasingCurve.Type.OutCubic)
    assert tween.value_at(0) == 0.0
    assert tween.value_at(100) == QEasingCurve(QEasingCurve.Type.OutCubic).valueForProgress(0.5)
    assert tween.value_at(200) == 1.0
    assert tween.value_at(500) == 1.0  # a late tick lands on the end, never beyond it


def test_the_clock_is_precise_and_a_little_faster_than_sixty_hertz() -> None:
    tween = Tween(100)
    assert tween._timer.timerType() == Qt.TimerType.PreciseTimer
    assert tween._timer.interval() == FRAME_MS
    assert FRAME_MS < 1000 / 60


def test_stop_halts_without_finishing(qtbot: QtBot) -> None:
    tween = Tween(100)
    tween.start()
    tween.stop()
    assert not tween.running
    with qtbot.assertNotEmitted(tween.finished, wait=200):
        pass


def test_a_tween_started_ahead_gives_its_first_value_from_that_point(qtbot: QtBot) -> None:
    tween = Tween(280, easing=QEasingCurve.Type.OutCubic)
    values: list[float] = []
    tween.value_changed.connect(values.append)
    tween.start(ahead_ms=FRAME_MS)
    tween.stop()
    assert values == [tween.value_at(FRAME_MS)]
    assert values[0] > 0.1
