"""The kiosk's window: a view of the session, the page stack above the navigation bar.

Pages are built on first visit and kept; a new theme (screen size, a visitor's choices) or
new content rebuilds them, keeping the visitor on the same page and step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import ContentError, LoadedContent
from kiosk.system.health import trim_heap
from kiosk.ui.input_router import SWIPE_THRESHOLD, InputRouter
from kiosk.ui.language import layout_direction
from kiosk.ui.navigation import NavigationBar
from kiosk.ui.page_stack import TRANSITION_MS, PageStack
from kiosk.ui.pages import Page, page_class
from kiosk.ui.preferences import Preferences
from kiosk.ui.session import HOME, Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.icons import clear_icon_caches

if TYPE_CHECKING:
    from kiosk.ui.overlays.accessibility import AccessibilityPanel
    from kiosk.ui.overlays.language_picker import LanguagePicker
    from kiosk.ui.pages.error import ContentErrorPage

TRIM_AFTER_MS = 1000  # the retired pages' deferred deletes have run by then
MAX_BUILT_PAGES = 10


class MainWindow(QWidget):
    """Shows `session`; closes only when `may_close()` (the kiosk's lockdown decides)."""

    first_frame = Signal()  # the first frame is on screen: what it did not need may load now
    content_shown = Signal()  # new content has replaced the old on screen

    def __init__(
        self,
        session: Session,
        may_close: Callable[[], bool] = lambda: True,
        *,
        slides: bool = False,
        interactive: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._may_close = may_close
        # A slide (projected, previewed, printed) is the page alone: no navigation bar, none of
        # the kiosk's own controls, and nothing a click or swipe on the projector could change.
        self._slides = slides
        # A window drawn only for pictures takes no input: the keys are for the windows on screen.
        self._interactive = interactive
        self.setObjectName("main-window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.resize(*session.size)
        self._follow_language_direction()
        self.pages: dict[str, Page] = {}
        self.error_page: ContentErrorPage | None = None
        self.nav: NavigationBar | None = None
        self.accessibility: AccessibilityPanel | None = None
        self.language_picker: LanguagePicker | None = None
        self._frames_painted = 0
        self._first_frame_sent = False
        # Replaced pages are deleted one per event-loop turn, not all in the turn of the swap.
        self._retired: list[QWidget] = []
        self._retire = QTimer(self)
        self._retire.setInterval(0)
        self._retire.timeout.connect(self._delete_one_retired)
        # Live content arriving: the visitor's page, built a turn before the swap.
        self._prebuilt: Page | None = None
        self.max_built_pages = MAX_BUILT_PAGES
        self._recent: list[str] = []  # page ids shown, the most recent last
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        theme = session.theme
        self.stack = PageStack(theme.reduced_motion, theme.ms(TRANSITION_MS), theme=theme)
        self._layout.addWidget(self.stack, 1)
        self.router = InputRouter(self, self.stack, theme.px(SWIPE_THRESHOLD))
        self.router.add_key_handler(self._on_key)
        self._connect_signals()
        self._build()

    def _connect_signals(self) -> None:
        session = self.session
        session.page_changed.connect(self._on_session_page_changed)
        session.step_changed.connect(self._on_session_step_changed)
        session.theme_changed.connect(self._on_session_theme_changed)
        session.content_changed.connect(self._on_session_content_changed)
        session.problems_changed.connect(self._on_session_problems_changed)
        session.visitor_reset.connect(self._on_session_visitor_reset)
        session.language.changed.connect(self._update_title)
        session.language.changed.connect(lambda _lang: self.stack.forget_prepared())
        session.language.changed.connect(self._follow_language_direction)
        self.stack.page_entered.connect(self._on_stack_page_entered)
        self.router.swiped.connect(session.step)
        self.router.pressed.connect(self._on_router_pressed)

    @property
    def theme(self) -> Theme:
        return self.session.theme

    def frames_painted_count(self) -> int:
        """Frames painted since the window opened (the admin's diagnostics show the rate)."""
        return self._frames_painted

    @property
    def current_page(self) -> Page | None:
        return self.pages.get(self.session.current_id)

    # ---- building -------------------------------------------------------------------------

    def _build(self) -> None:
        """The navigation and the page on screen; the others are built when first visited."""
        theme = self.theme
        self.setStyleSheet(f"#main-window {{ background: {theme.palette.background}; }}")
        self.stack.reduced_motion = theme.reduced_motion
        self.stack.theme = theme
        self.router.set_threshold(theme.px(SWIPE_THRESHOLD))
        self._update_title()
        qss = theme.stylesheet()
        if self.stack.styleSheet() != qss:  # a new sheet re-polishes every page: only when it changed
            self.stack.setStyleSheet(qss)
        loaded = self.session.loaded
        if loaded is None:
            from kiosk.ui.pages.error import ContentErrorPage  # noqa: PLC0415 (only without content)

            assert self.session.error is not None  # no content: the session says why
            self.error_page = ContentErrorPage(self.session.error, theme)
            self.error_page.setStyleSheet(qss)
            self.stack.add(self.error_page)
            self.stack.show_page(self.error_page)
            return
        self.nav = NavigationBar(self.session.language, theme)
        self.nav.setStyleSheet(qss)
        self.nav.setVisible(not self._slides)
        self._layout.addWidget(self.nav)
        self.nav.home_requested.connect(self.session.go_home)
        self.nav.back_requested.connect(self.session.go_back)
        self.nav.step_requested.connect(self.session.step)
        self.nav.language_requested.connect(self._on_nav_language_requested)
        self.nav.accessibility_requested.connect(self.open_accessibility)
        self._show(self.session.current_id or HOME, direction=0)

    def page(self, page_id: str) -> Page:
        """The page `page_id`, built on first use."""
        existing = self.pages.get(page_id)
        if existing is not None:
            return existing
        loaded, ref = self.session.loaded, self.session.ref(page_id)
        assert loaded is not None
        assert ref is not None
        prebuilt, self._prebuilt = self._prebuilt, None
        if prebuilt is not None and prebuilt.loaded is loaded and prebuilt.ref == ref:
            page = prebuilt  # built for this content in the turn before the swap
        else:
            if prebuilt is not None:
                self._retire_later(prebuilt)
            page = page_class(ref.type)(ref, loaded, self.session.language, self.theme)
        page.set_step(self.session.step_index(page_id))
        if self._slides:
            for control in page.kiosk_controls():
                control.hide()
            page.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        page.navigate_requested.connect(self.session.go_to)
        page.steps_changed.connect(lambda p=page: self.session.set_step(p.step_index(), p.page_id))
        page.figure_opened.connect(self.session.open_figure)
        self.stack.add(page)
        self.pages[page_id] = page
        return page

    def prepare(self, page_id: str) -> None:
        """`page_id` built and its picture taken now, while nobody waits: a transition to it
        then costs its input almost nothing (a presenter's next and previous slides)."""
        if self.session.loaded is None or self.session.ref(page_id) is None or self._prebuilt is not None:
            return
        page = self.page(page_id)
        if not self.stack.is_prepared(page):
            self.stack.prepare(page)

    def _show(self, page_id: str, direction: int) -> None:
        if self.session.ref(page_id) is None:
            return
        self.stack.show_page(self.page(page_id), direction)
        self._update_navigation()
        self._keep_recent(page_id)

    def _keep_recent(self, page_id: str) -> None:
        """At most `MAX_BUILT_PAGES` pages stay built on the show floor: the kiosk's memory is
        bounded whatever the content holds (each page keeps its pictures and charts, 1-4 MiB). The
        least recently seen go first, never the home page or the one on screen. A talk keeps
        every slide: a presenter's key must never wait for a page to be built."""
        if page_id in self._recent:
            self._recent.remove(page_id)
        self._recent.append(page_id)
        if self._slides or not self._interactive:
            return
        while len(self.pages) > self.max_built_pages:
            victim = next((p for p in self._recent if p in self.pages and p not in (page_id, HOME)), None)
            if victim is None:
                return
            self._recent.remove(victim)
            page = self.pages.pop(victim)
            self.stack.forget_prepared(page)
            self._retire_later(page)

    def _update_navigation(self) -> None:
        page = self.current_page
        if self.nav is None or page is None:
            return
        index, count = self.session.position()
        self.nav.set_position(index, count, page.accent(), self.session.current_id == HOME)

    def _follow_language_direction(self) -> None:
        """Mirror the whole window (layouts, alignment, the painted widgets that ask
        `isRightToLeft()`) for a right-to-left language; the children inherit it."""
        self.setLayoutDirection(layout_direction(self.session.language.current))

    def _update_title(self) -> None:
        loaded = self.session.loaded
        self.setWindowTitle(self.session.language.text(loaded.content.meta.title) if loaded else "Kiosk")

    # ---- following the session ------------------------------------------------------------

    def _on_session_page_changed(self, page_id: str, direction: int) -> None:
        self._show(page_id, direction)

    def _on_session_step_changed(self, page_id: str, index: int, _count: int) -> None:
        page = self.pages.get(page_id)
        if page is not None:
            self.stack.forget_prepared(page)
            page.set_step(index)
        if page_id == self.session.current_id:
            self._update_navigation()

    def _on_session_theme_changed(self, _theme: Theme) -> None:
        self._rebuild()
        if self.accessibility is not None and self.accessibility.isVisible():
            self.open_accessibility()  # the panel again, in the new size and colours

    def _on_session_problems_changed(self, _error: ContentError | None) -> None:
        if self.session.loaded is None:
            self._rebuild()

    def _on_session_visitor_reset(self) -> None:
        self.stack.forget_prepared()
        if self.accessibility is not None:
            self.accessibility.hide()
        if self.language_picker is not None:
            self.language_picker.hide()
        for page in self.pages.values():
            page.reset()

    def _on_router_pressed(self, target: QWidget | None) -> None:
        page = self.current_page
        if page is not None:
            page.interrupt(target)

    def _on_stack_page_entered(self, page: QWidget) -> None:
        if isinstance(page, Page):
            page.enter()

    # ---- the language -----------------------------------------------------------------------

    def _on_nav_language_requested(self) -> None:
        """Two languages switch at a tap; three or more open the picker."""
        if not self.session.language.needs_picker:
            self.session.language.toggle()
            return
        self.open_language_picker()

    def open_language_picker(self) -> None:
        from kiosk.ui.overlays.language_picker import LanguagePicker  # noqa: PLC0415 (on first use)

        if self.language_picker is not None:
            self.language_picker.deleteLater()
        self.language_picker = LanguagePicker(self, self.session.language, self.theme)
        self.language_picker.chosen.connect(self.session.language.set)
        self.language_picker.open()

    # ---- a visitor's accessibility choices -------------------------------------------------

    def open_accessibility(self) -> None:
        from kiosk.ui.overlays.accessibility import AccessibilityPanel  # noqa: PLC0415 (after the first frame)

        if self.accessibility is not None:
            self.accessibility.deleteLater()
        self.accessibility = AccessibilityPanel(
            self, self.session.language, self.theme, self.session.preferences
        )
        self.accessibility.chosen.connect(self._on_accessibility_chosen)
        self.accessibility.open()

    def _on_accessibility_chosen(self, preferences: Preferences) -> None:
        self.session.set_preferences(preferences)

    # ---- rebuilding -----------------------------------------------------------------------

    def _rebuild(self) -> None:
        """Every page anew (new theme or new content), the visitor's page and step kept. All in
        one event-loop turn: nothing blank is ever painted."""
        self.stack.forget_prepared()
        self._recent.clear()
        for widget in [*self.pages.values(), self.error_page]:
            if widget is not None:
                self._retire_later(widget)
        self.pages.clear()
        self.error_page = None
        if self.nav is not None:
            self._layout.removeWidget(self.nav)
            self.nav.deleteLater()
            self.nav = None
        self._build()

    @property
    def pages_retiring(self) -> int:
        """Replaced pages still waiting for their turn to be deleted."""
        return len(self._retired)

    def _retire_later(self, widget: QWidget) -> None:
        """Hide `widget` now; delete it in a later turn, one widget per turn."""
        widget.hide()
        self._retired.append(widget)
        self._retire.start()

    def _delete_one_retired(self) -> None:
        if self._retired:
            self._retired.pop().deleteLater()
        else:
            self._retire.stop()
            # Once the last one is deleted, the memory the pages held goes back to the system.
            QTimer.singleShot(TRIM_AFTER_MS, trim_heap)

    def _on_session_content_changed(self, loaded: LoadedContent) -> None:
        """New content, swapped in over two event-loop turns so that neither stalls the screen
        for long: this one builds the visitor's page out of sight (the old one stays on screen
        and live); the next swaps it in with the navigation."""
        clear_icon_caches()
        if self._prebuilt is not None:
            self._retire_later(self._prebuilt)
            self._prebuilt = None
        ref = self.session.current_ref
        if ref is not None and self.pages:
            page = page_class(ref.type)(ref, loaded, self.session.language, self.theme)
            self.stack.add(page)  # hidden; styled, polished and laid out now, not in the swap
            page.ensurePolished()
            layout = page.layout()
            if layout is not None:
                layout.activate()
            self._prebuilt = page
            QTimer.singleShot(0, self, self._show_new_content)
        else:
            self._show_new_content()

    def _show_new_content(self) -> None:
        self._rebuild()
        self.content_shown.emit()

    # ---- Qt events ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._interactive:
            self.router.start()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close():
            self.router.stop()
            super().closeEvent(event)
        else:
            event.ignore()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._frames_painted += 1
        if not self._first_frame_sent:
            self._first_frame_sent = True
            # A zero timer set from the paint runs once that frame has been flushed to the screen.
            QTimer.singleShot(0, self, self.first_frame.emit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.session.set_size(event.size().width(), event.size().height())

    def _on_key(self, event: QKeyEvent) -> bool:
        """Keyboards at a development desk; keys reach it whichever widget has the focus."""
        actions: dict[int, Callable[[], None]] = {
            # The arrows point where reading goes on: Left is next in a right-to-left language.
            Qt.Key.Key_Right: lambda: self.session.step(-1 if self.isRightToLeft() else 1),
            Qt.Key.Key_PageDown: lambda: self.session.step(1),
            Qt.Key.Key_Left: lambda: self.session.step(1 if self.isRightToLeft() else -1),
            Qt.Key.Key_PageUp: lambda: self.session.step(-1),
            Qt.Key.Key_Home: self.session.go_home,
            Qt.Key.Key_Backspace: self.session.go_back,
        }
        action = actions.get(event.key())
        # Under an overlay (the PIN pad, a panel) the keys are the overlay's, not the pages'.
        if action is None or self.session.loaded is None or not self.router.pages_on_top():
            return False
        action()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys sent to the window itself (no top-level window saw them first).
        if not self._on_key(event):
            super().keyPressEvent(event)
