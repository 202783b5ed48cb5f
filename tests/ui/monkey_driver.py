"""The seeded monkey: random taps, swipes, holds, right-clicks and keys (the escape keys among
them) fired at a kiosk window. Used by the monkey test and by bench/monkey.py."""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from touch import tap

from kiosk.ui.main_window import MainWindow

KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
]


def alone(window: MainWindow) -> bool:
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    return (
        visible == [window]
        and QApplication.activePopupWidget() is None
        and QApplication.activeModalWidget() is None
    )


def monkey(window: MainWindow, events: int, seed: int, check: Callable[[], None]) -> dict[str, int]:
    rng = random.Random(seed)
    width, height = window.width(), window.height()
    counts: dict[str, int] = {}
    for index in range(events):
        kind = rng.choices(["tap", "touch", "swipe", "hold", "right", "key"], [40, 10, 20, 10, 10, 10])[0]
        counts[kind] = counts.get(kind, 0) + 1
        at = QPoint(rng.randrange(width), rng.randrange(height))
        if kind == "tap":
            QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=at)
        elif kind == "touch":
            tap(window, at)
        elif kind == "swipe":
            end = at + QPoint(rng.choice([-1, 1]) * rng.randrange(30, 600), rng.randrange(-80, 80))
            QTest.mousePress(window, Qt.MouseButton.LeftButton, pos=at)
            for step in range(1, 5):
                QTest.mouseMove(window, at + (end - at) * step / 4)
            QTest.mouseRelease(window, Qt.MouseButton.LeftButton, pos=end)
        elif kind == "hold":
            QTest.mousePress(window, Qt.MouseButton.LeftButton, pos=at)
            QApplication.processEvents()
            QTest.mouseRelease(window, Qt.MouseButton.LeftButton, pos=at, delay=rng.randrange(0, 40))
        elif kind == "right":
            QTest.mouseClick(window, Qt.MouseButton.RightButton, pos=at)
        else:
            key, modifier = rng.choice(KEYS)
            QTest.keyClick(window, key, modifier)
        if index % 250 == 0:
            QApplication.processEvents()
            # What the running event loop would do: delete the objects scheduled for deletion.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            check()
    return counts
