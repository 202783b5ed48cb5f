"""The talk's pages are built and pictured ahead without ever holding a presenter's key: a key
that arrives while the work goes on is answered before the next slice, and no slice runs while
a slide moves or its entrance plays."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from kiosk.app.slideshow import Presentation
from kiosk.content import LoadedContent
from kiosk.ui.session import Session


@pytest.fixture
def talk(qtbot: QtBot, bundled: LoadedContent) -> Iterator[Presentation]:
    # A full HD projector: home is one slide there (on a small one it walks its two steps).
    session = Session(bundled, None, "en", size=(1920, 1080), motion_scale=0.3)
    presentation = Presentation(session, auto=False)
    presentation.audience.resize(1920, 1080)
    presentation.audience.show()
    qtbot.waitExposed(presentation.audience)
    presentation.show.start()
    yield presentation
    presentation.close()
    presentation.presenter.deleteLater()
    presentation.audience.deleteLater()


def _post_right_key(talk: Presentation) -> None:
    """A clicker's key as the window system queues it: delivered by the event loop, later."""
    handle = talk.audience.windowHandle()
    assert handle is not None
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.postEvent(handle, QKeyEvent(kind, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier))


def test_a_key_during_the_work_ahead_comes_before_the_next_slice(qtbot: QtBot, talk: Presentation) -> None:
    happened: list[str] = []
    still_at_each_slice: list[bool] = []

    def on_sliced(kind: str, page_id: str) -> None:
        happened.append(f"{kind} {page_id}")
        still_at_each_slice.append(talk.ahead.screen_is_still())

    talk.ahead.sliced.connect(on_sliced)
    talk.show.slide_changed.connect(lambda index: happened.append(f"slide {index + 1}"))
    qtbot.waitUntil(lambda: len(happened) >= 1, timeout=10_000)  # the work ahead is under way
    # A key queued just as the next slice's turn comes: the slide it asks for starts first.
    _post_right_key(talk)
    happened.append("key queued")
    talk.ahead.run_slice()
    queued = happened.index("key queued")
    assert happened[queued + 1 :] == ["slide 2"], happened
    # The work goes on once the second slide has arrived and its entrance is over.
    qtbot.waitUntil(lambda: len(happened) > queued + 2, timeout=10_000)
    assert all(still_at_each_slice), happened
    assert talk.audience.stack.overlay.isHidden()


def test_the_next_slide_is_built_and_pictured_first_and_every_page_follows(
    qtbot: QtBot, talk: Presentation
) -> None:
    done: list[tuple[str, str]] = []
    talk.ahead.sliced.connect(lambda kind, page_id: done.append((kind, page_id)))
    slide_pages = {slide.page for slide in talk.show.slides}
    qtbot.waitUntil(lambda: slide_pages <= talk.audience.pages.keys(), timeout=20_000)
    qtbot.waitUntil(lambda: not talk.ahead.pending, timeout=20_000)
    following = talk.show.slides[1].page
    assert done[:2] == [("build", following), ("picture", following)]
    assert talk.audience.stack.is_prepared(talk.audience.pages[following])
    # The key to the next slide only starts the slide: its picture is taken already.
    QCoreApplication.sendEvent(
        talk.audience.windowHandle(),
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    )
    assert talk.audience.stack.overlay.isVisible()
    assert not talk.audience.stack.is_prepared(talk.audience.pages[following])
    # Once the slide is still again, the pictures around the new slide are taken anew.
    third = talk.show.slides[2].page
    qtbot.waitUntil(lambda: talk.audience.stack.is_prepared(talk.audience.pages[third]), timeout=10_000)


def test_the_presenters_pictures_of_the_next_slide_are_drawn_ahead(qtbot: QtBot, talk: Presentation) -> None:
    presenter = talk.presenter
    presenter.fit_screen(1280, 800)
    presenter.show()
    qtbot.waitExposed(presenter)
    qtbot.waitUntil(lambda: not presenter.previews_pending(), timeout=10_000)
    qtbot.waitUntil(lambda: not talk.ahead.pending, timeout=30_000)
    assert presenter.pictures_missing(talk.show.index + 1) == []
    QCoreApplication.sendEvent(
        talk.audience.windowHandle(),
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    )
    assert talk.show.index == 1
    # What the presenter sees with the new slide was drawn before the key: only shown now.
    assert presenter.pictures_missing(1) == []
    qtbot.waitUntil(lambda: not presenter.previews_pending(), timeout=10_000)
    current = presenter.current_preview.pixmap()
    assert current is not None
    assert current.cacheKey() == presenter.slide_picture(1, current.width()).cacheKey()


def test_a_second_key_during_a_slide_goes_straight_on_to_the_next(qtbot: QtBot, talk: Presentation) -> None:
    qtbot.waitUntil(lambda: not talk.ahead.pending, timeout=30_000)
    stack = talk.audience.stack
    entered: list[str] = []
    stack.page_entered.connect(lambda page: entered.append(page.page_id))
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
    QCoreApplication.sendEvent(talk.audience.windowHandle(), press)
    assert stack.overlay.isVisible()
    on_screen = stack.overlay.grab().toImage()
    QCoreApplication.sendEvent(talk.audience.windowHandle(), press)  # while the first slide moves
    third = talk.show.slides[2].page
    assert talk.show.index == 2
    assert talk.audience.session.current_id == third
    # The slide towards the third page starts in the key's own turn, from what was on screen.
    assert stack.overlay.isVisible()
    assert stack.overlay.grab().toImage() != on_screen
    qtbot.waitUntil(lambda: entered == [third], timeout=5000)
    assert stack.current is talk.audience.pages[third]
