"""What every page type shares: its content, language and theme, steps, and a scroll fallback."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.content import LoadedContent
from kiosk.content.pages import PageRef
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState


class PageScrollArea(QScrollArea):
    """Holds a page's body. Designed layouts fit the screen; when large text does not, the
    body scrolls by dragging (see SwipeDetector): never a scrollbar to aim at."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setWidget(body)
        self.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)


class Page(QWidget):
    """A screen of the kiosk. Subclasses fill `self.body` (a QVBoxLayout inside a scroll area).

    Pages with internal steps (a tour's stops, the voices) override the step methods; the
    navigation bar then walks the steps instead of sibling pages.
    """

    navigate_requested = Signal(str)
    steps_changed = Signal()

    def __init__(
        self,
        ref: PageRef,
        loaded: LoadedContent,
        language: LanguageState,
        theme: th.Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ref = ref
        self.loaded = loaded
        self.content = loaded.content
        self.language = language
        self.theme = theme
        self.setObjectName("page")
        self._body_widget = QWidget()
        self._body_widget.setObjectName("page-body")
        self.body = QVBoxLayout(self._body_widget)
        margin = theme.margin
        self.body.setContentsMargins(margin, margin, margin, theme.px(32))
        self.body.setSpacing(theme.gutter)
        self.scroll_area = PageScrollArea(self._body_widget, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    @property
    def page_id(self) -> str:
        return self.ref.id

    def accent(self) -> str:
        """The colour of this page's position dots and highlights."""
        return th.ACCENT

    def step_count(self) -> int:
        return 1

    def step_index(self) -> int:
        return 0

    def set_step(self, index: int) -> None:
        """Show step `index` (clamped)."""

    def show_final_state(self) -> None:
        """Put every animation at its end (for render and reduced motion)."""

    def reset(self) -> None:
        """Back to how a new visitor first sees the page."""
        self.scroll_area.verticalScrollBar().setValue(0)
        self.set_step(0)
