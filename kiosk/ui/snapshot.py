"""Pages as pictures: any page or step in its final state, drawn by a window nobody sees.

One helper for every picture of a page: `kiosk render`, the PDF handout and the presenter
view's previews of the current and the next slide.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QPoint, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from kiosk.content import LoadedContent
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages import Page
from kiosk.ui.preferences import Preferences
from kiosk.ui.session import Session


class PageSnapshots:
    """A hidden kiosk window of `size` showing `loaded`, without motion."""

    def __init__(
        self,
        loaded: LoadedContent,
        lang: str,
        size: tuple[int, int],
        *,
        slides: bool = False,
        preferences: Preferences | None = None,
    ) -> None:
        self.session = Session(loaded, None, lang, size=size, reduced_motion=True)
        if preferences is not None:
            self.session.set_preferences(preferences)
        self.window = MainWindow(self.session, slides=slides, interactive=False)
        self.window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.window.setFixedSize(*size)
        self.window.show()

    def show(self, page_id: str, step: int | None = None, lang: str | None = None) -> Page | None:
        """Put `page_id` (at `step`, in `lang`) on the hidden screen, every animation at its end."""
        if lang is not None:
            self.session.language.set(lang)
        self.session.go_to(page_id, step=step, direction=0, remember=False)
        page = self.window.current_page
        if page is not None and page.page_id == page_id:
            page.show_final_state()
        # Layouts and styles settle; a visitor's or presenter's input waits for its own turn
        # (handled in here, a key pressed during a preview would move the slides under it).
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        return page if page is not None and page.page_id == page_id else None

    def pixmap(self, page_id: str, step: int | None = None, lang: str | None = None) -> QPixmap:
        self.show(page_id, step, lang)
        return self.window.grab()

    def paint(
        self, painter: QPainter, page_id: str, step: int | None = None, lang: str | None = None
    ) -> None:
        """Draw the page with `painter` (vector text on a PDF page)."""
        self.show(page_id, step, lang)
        self.window.render(painter, QPoint(0, 0))

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
