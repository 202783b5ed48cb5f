"""A visitor reaches every page by touching the real controls, and finds the way back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from touch import press, release, tap

from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.home import HomePage


def test_boots_on_home_with_the_initiative(window: MainWindow) -> None:
    assert window.session.current_id == "home"
    page = window.current_page
    assert isinstance(page, HomePage)
    assert page.title.text() == "中关村倡议"
    assert page.title.isVisible()
    assert [tile.text() for tile in page.vision_tiles] == ["创新", "绿色", "智慧", "人文", "开放"]


def test_every_page_is_reached_by_tapping(qtbot: QtBot, window: MainWindow) -> None:
    home = window.current_page
    assert isinstance(home, HomePage)
    reached = {"home"}
    nav = window.nav
    assert nav is not None
    for tile in home.vision_tiles:
        tap(tile)
        qtbot.waitUntil(lambda: window.session.current_id.startswith("vision/"))
        reached.add(window.session.current_id)
        tap(nav.home_button)
        qtbot.waitUntil(lambda: window.session.current_id == "home")
    for card in home.entry_cards:
        tap(card)
        qtbot.waitUntil(lambda: window.session.current_id != "home")
        reached.add(window.session.current_id)
        # Walk the siblings (the figures screens) with the next button.
        while (
            nav.next_button.isVisible()
            and nav.next_button.isEnabled()
            and window.current_page.step_count() == 1
        ):
            before = window.session.current_id
            tap(nav.next_button)
            qtbot.waitUntil(lambda before=before: window.session.current_id != before)
            reached.add(window.session.current_id)
        tap(nav.home_button)
        qtbot.waitUntil(lambda: window.session.current_id == "home")
    assert reached == {ref.id for ref in window.session.refs}


def test_back_returns_along_the_way_taken(qtbot: QtBot, window: MainWindow) -> None:
    home = window.current_page
    assert isinstance(home, HomePage)
    assert window.nav is not None
    tap(home.vision_tiles[1])
    qtbot.waitUntil(lambda: window.session.current_id == "vision/green")
    tap(window.nav.next_button)
    qtbot.waitUntil(lambda: window.session.current_id == "vision/smart")
    tap(window.nav.back_button)
    qtbot.waitUntil(lambda: window.session.current_id == "home")


def test_vision_siblings_walk_with_previous_and_next(qtbot: QtBot, window: MainWindow) -> None:
    assert window.nav is not None
    window.session.go_to("vision/innovative")
    nav = window.nav
    assert not nav.previous_button.isEnabled()
    assert nav.dots.count == 5
    assert nav.dots.index == 0
    for expected in ("vision/green", "vision/smart", "vision/people", "vision/open"):
        tap(nav.next_button)
        qtbot.waitUntil(lambda expected=expected: window.session.current_id == expected)
    assert not nav.next_button.isEnabled()
    assert nav.dots.index == 4
    tap(nav.previous_button)
    qtbot.waitUntil(lambda: window.session.current_id == "vision/people")


def test_home_shows_no_sibling_controls(window: MainWindow) -> None:
    assert window.nav is not None
    assert not window.nav.next_button.isVisible()
    assert not window.nav.dots.isVisible()
    assert window.nav.language_button.isVisible()


def test_press_feedback_shows_before_release(qtbot: QtBot, window: MainWindow) -> None:
    home = window.current_page
    assert isinstance(home, HomePage)
    tile = home.vision_tiles[0]
    before = tile.grab().toImage()
    at = press(tile)
    assert tile.isDown()
    assert tile.grab().toImage() != before
    assert window.session.current_id == "home"  # action on release, not on press
    release(tile, at)
    qtbot.waitUntil(lambda: window.session.current_id == "vision/innovative")


def test_only_the_most_recent_pages_stay_built_and_a_page_let_go_comes_back_as_it_was(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Memory stays bounded whatever the content holds: a visitor who has seen every page has
    at most `max_built_pages` of them built; the one seen longest ago is built again on return,
    at the step the visitor left it."""
    window.max_built_pages = 4
    session = window.session
    session.go_to("tour/daxing")
    session.set_step(2)
    for ref in session.refs:
        if ref.id != "tour/daxing":
            session.go_to(ref.id, direction=0)
    qtbot.waitUntil(lambda: window.pages_retiring == 0)
    assert len(window.pages) <= 4
    assert "home" in window.pages
    assert session.current_id in window.pages
    assert "tour/daxing" not in window.pages
    session.go_to("tour/daxing")
    page = window.current_page
    assert page is not None
    assert page.page_id == "tour/daxing"
    assert page.isVisible()
    assert page.step_index() == 2
    assert len(window.pages) <= 4


class _WindowsShown(QObject):
    """Every widget shown as a window of its own while it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {watched.width()}x{watched.height()}")
        return False


def test_building_a_page_never_opens_a_window_of_its_own(qtbot: QtBot, window: MainWindow) -> None:
    """A widget shown before it has a parent is a window: on a kiosk, a second window on the
    desktop (a quote block did this each time the voices page was built)."""
    watch = _WindowsShown()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    try:
        window.max_built_pages = 100
        for ref in window.session.refs:
            window.session.go_to(ref.id, direction=0)
    finally:
        app.removeEventFilter(watch)
    assert window.pages.keys() >= {ref.id for ref in window.session.refs}
    assert watch.shown == []
