"""A talk in a right-to-left language: the arrow pointing along the reading goes on (Left
forward, Right back), while PageDown, PageUp and a clicker's keys keep their meaning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.slideshow import Presentation
from kiosk.content import LoadedContent, load_content
from kiosk.system.image_check import check_image
from kiosk.ui.session import Session

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"


@pytest.fixture(scope="module")
def other_park() -> LoadedContent:
    return load_content(OTHER_PARK, check_image)


@pytest.fixture
def talk(qtbot: QtBot, other_park: LoadedContent) -> Iterator[Presentation]:
    presentation = Presentation(Session(other_park, None, "ar", size=(1280, 720), motion_scale=0.1))
    presentation.audience.show()
    qtbot.waitExposed(presentation.audience)
    presentation.show.start()
    presentation.show.set_auto(False)
    yield presentation
    presentation.close()
    presentation.presenter.deleteLater()
    presentation.audience.deleteLater()


def _press(talk: Presentation, key: Qt.Key) -> None:
    """A key as the window system delivers it, to the audience window."""
    handle = talk.audience.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, key)


def test_left_goes_on_in_arabic(talk: Presentation) -> None:
    talk.show.go(2)
    _press(talk, Qt.Key.Key_Left)
    assert talk.show.index == 3
    _press(talk, Qt.Key.Key_Right)
    assert talk.show.index == 2


@pytest.mark.parametrize(
    ("key", "step"),
    [
        (Qt.Key.Key_PageDown, 1),
        (Qt.Key.Key_PageUp, -1),
        (Qt.Key.Key_Down, 1),
        (Qt.Key.Key_Up, -1),
        (Qt.Key.Key_Space, 1),
        (Qt.Key.Key_Backspace, -1),
    ],
)
def test_clicker_and_page_keys_keep_their_meaning_in_arabic(
    talk: Presentation, key: Qt.Key, step: int
) -> None:
    talk.show.go(2)
    _press(talk, key)
    assert talk.show.index == 2 + step


def test_the_arrows_follow_the_language_on_screen(talk: Presentation) -> None:
    talk.show.go(2)
    talk.audience.session.language.set("de")
    _press(talk, Qt.Key.Key_Right)
    assert talk.show.index == 3
    _press(talk, Qt.Key.Key_Left)
    assert talk.show.index == 2
