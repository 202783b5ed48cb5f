"""The kiosk's one window: the page stack above the navigation bar, and how pages are reached.

Pages are built on first visit and kept; a change of screen size that changes the theme
rebuilds them, keeping the visitor on the same page and step.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import ContentError, LoadedContent
from kiosk.content.pages import PageRef, page_order, siblings
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState
from kiosk.ui.navigation import NavigationBar
from kiosk.ui.page_stack import TRANSITION_MS, PageStack
from kiosk.ui.pages import Page, import_page_modules, page_class
from kiosk.ui.pages.error import ContentErrorPage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.preferences import Preferences
from kiosk.ui.widgets.icons import clear_icon_caches
from kiosk.ui.widgets.swipe import SWIPE_THRESHOLD, SwipeDetector

if TYPE_CHECKING:
    from kiosk.ui.overlays.accessibility import AccessibilityPanel

log = logging.getLogger(__name__)
_preload: threading.Thread | None = None


def _import_later_modules() -> None:
    try:
        import_page_modules()
        import kiosk.ui.charts  # noqa: PLC0415
        import kiosk.ui.overlays.accessibility  # noqa: F401, PLC0415
    except Exception:  # the pages import them again and report it there
        log.exception("could not preload the pages and the chart library")
    # What exists now (modules, classes, the first screen) lives as long as the kiosk: the
    # cyclic garbage collector need not walk it again. A full collection then takes about
    # 1 ms instead of 40, which would otherwise land at random, in the middle of a slide.
    gc.freeze()


def preload_later_modules() -> None:
    """Import what the first screen does not need, on a worker thread, once: the other pages'
    modules and the chart library (pyqtgraph, numpy: about 400 ms).

    On the UI thread it would freeze the first screen for that long; on a worker the UI thread
    keeps its turns (the GIL is handed over every few milliseconds). A page opened before it is
    done waits for the import lock, as an import on the UI thread would have. The imports only
    define classes and value types (colours, pens); no QObject is made there.

    Not a daemon thread: a short run (`kiosk render` of one page, a kiosk stopped just after it
    started) waits for the imports to end before the interpreter shuts down, instead of tearing
    modules down under a thread still importing Qt classes (an occasional crash at exit).
    """
    global _preload  # noqa: PLW0603
    if _preload is None:
        _preload = threading.Thread(target=_import_later_modules, name="preload", daemon=False)
        _preload.start()


HOME = "home"


class MainWindow(QWidget):
    page_changed = Signal(str)
    content_replaced = Signal()
    first_frame = Signal()
    step_changed = Signal(str, int, int)  # page id, step, steps
    figure_opened = Signal(str)

    def __init__(
        self,
        loaded: LoadedContent | None,
        error: ContentError | None = None,
        lang: str | None = None,
        reduced_motion: bool = False,
        size: tuple[int, int] = (1920, 1080),
        motion_scale: float = 1.0,
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#main-window {{ background: {th.BACKGROUND}; }}")
        self.resize(*size)
        self.motion_scale = motion_scale
        self.theme = th.Theme.for_size(*size, reduced_motion=reduced_motion, motion_scale=motion_scale)
        self.loaded = loaded
        self.error = error
        languages = loaded.content.meta.languages if loaded else ("zh", "en")
        default = loaded.content.meta.default_language if loaded else "zh"
        self.language = LanguageState(languages, lang or default, self)
        self.reduced_motion = reduced_motion
        self.refs: tuple[PageRef, ...] = page_order(loaded.content) if loaded else ()
        self._refs_by_id = {ref.id: ref for ref in self.refs}
        self.pages: dict[str, Page] = {}
        self.history: list[str] = []
        self.current_id = ""
        self.error_page: ContentErrorPage | None = None
        self.content_problems: ContentError | None = error
        self._warmed_up = False
        self.frames_painted = 0
        # Whether the window may close now; the show floor allows it only for an admin.
        self.close_guard: Callable[[], bool] = lambda: True
        self.preferences = Preferences()
        self.accessibility: AccessibilityPanel | None = None
        # Replaced pages are deleted one per event-loop turn, not all in the turn of the swap.
        self._retired: list[QWidget] = []
        # Live content arriving: its first page, built a turn before the swap (receive_content).
        self._incoming: LoadedContent | None = None
        self._prebuilt: Page | None = None
        self._retire = QTimer(self)
        self._retire.setInterval(0)
        self._retire.timeout.connect(self._delete_one_retired)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.stack = PageStack(reduced_motion, self.theme.ms(TRANSITION_MS))
        self.stack.page_entered.connect(self._on_stack_page_entered)
        self._layout.addWidget(self.stack, 1)
        self.nav: NavigationBar | None = None
        self.swipes = SwipeDetector(self.stack, self.theme.px(SWIPE_THRESHOLD))
        self._connect_signals()
        self._build()

    # ---- building -------------------------------------------------------------------------

    def _build(self, first: str = HOME) -> None:
        """The navigation and the page `first` (home unless it is another existing page);
        the other pages are built when first visited."""
        self.setWindowTitle(self.language.text(self.loaded.content.meta.title) if self.loaded else "Kiosk")
        qss = self.theme.stylesheet()
        if self.stack.styleSheet() != qss:  # a new sheet re-polishes every page: only when it changed
            self.stack.setStyleSheet(qss)
        if self.loaded is None:
            assert self.error is not None
            self.error_page = ContentErrorPage(self.error, self.theme)
            self.error_page.setStyleSheet(qss)
            self.stack.add(self.error_page)
            self.stack.show_page(self.error_page)
            return
        self.nav = NavigationBar(self.language, self.theme)
        self.nav.setStyleSheet(qss)
        self._layout.addWidget(self.nav)
        self.nav.home_requested.connect(self.go_home)
        self.nav.back_requested.connect(self.go_back)
        self.nav.step_requested.connect(self.step)
        self.nav.language_requested.connect(self.language.toggle)
        self.go_to(first if first in self._refs_by_id else HOME, direction=0, remember=False)

    def _connect_signals(self) -> None:
        self.swipes.swiped.connect(self.step)
        self.swipes.pressed.connect(self._on_swipes_pressed)
        self.language.changed.connect(self._on_language_changed)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard():
            super().closeEvent(event)
        else:
            event.ignore()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.frames_painted += 1
        if not self._warmed_up:
            # After the first frame, not before it: load the chart library the figures screens
            # need, so the first visit there does not wait for it.
            self._warmed_up = True
            QTimer.singleShot(0, self, self._warm_up)

    def _warm_up(self) -> None:
        # A zero timer set from the paint runs once that frame has been flushed to the screen.
        self.first_frame.emit()
        preload_later_modules()

    def showEvent(self, event: object) -> None:
        handle = self.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self.swipes)
            handle.installEventFilter(self.swipes)
        super().showEvent(event)  # type: ignore[arg-type]

    def page(self, page_id: str) -> Page:
        """The page `page_id`, built on first use."""
        existing = self.pages.get(page_id)
        if existing is not None:
            return existing
        assert self.loaded is not None
        ref = self._refs_by_id[page_id]
        prebuilt, self._prebuilt = self._prebuilt, None
        if prebuilt is not None and prebuilt.loaded is self.loaded and prebuilt.ref == ref:
            page = prebuilt  # built for this content in the turn before the swap
        else:
            if prebuilt is not None:
                self._retire_later(prebuilt)
            page = page_class(ref.type)(ref, self.loaded, self.language, self.theme)
        page.navigate_requested.connect(self._on_page_navigate_requested)
        if isinstance(page, HomePage):
            page.accessibility_requested.connect(self.open_accessibility)
        page.steps_changed.connect(self._update_navigation)
        page.steps_changed.connect(
            lambda p=page: self.step_changed.emit(p.page_id, p.step_index(), p.step_count())
        )
        page.figure_opened.connect(self.figure_opened)
        self.stack.add(page)
        self.pages[page_id] = page
        return page

    # ---- navigation -----------------------------------------------------------------------

    @property
    def current_page(self) -> Page | None:
        return self.pages.get(self.current_id)

    def go_to(self, page_id: str, direction: int = 1, remember: bool = True) -> None:
        if page_id not in self._refs_by_id or page_id == self.current_id:
            return
        if remember and self.current_id:
            self.history.append(self.current_id)
        page = self.page(page_id)
        self.current_id = page_id
        self.stack.show_page(page, direction)
        self._update_navigation()
        self.page_changed.emit(page_id)

    def go_home(self) -> None:
        self.history.clear()
        self.go_to(HOME, direction=-1, remember=False)

    def go_back(self) -> None:
        target = self.history.pop() if self.history else HOME
        self.go_to(target, direction=-1, remember=False)

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1): the page's own steps first, else its sibling pages."""
        page = self.current_page
        if page is None:
            return
        if page.step_count() > 1:
            page.set_step(page.step_index() + delta)
            return
        group = siblings(self.refs, page.ref)
        index = next(i for i, ref in enumerate(group) if ref.id == page.ref.id)
        target = index + delta
        if 0 <= target < len(group):
            self.go_to(group[target].id, direction=1 if delta > 0 else -1, remember=False)

    def position(self) -> tuple[int, int]:
        """(index, count) of the current page among its steps or siblings."""
        page = self.current_page
        if page is None:
            return 0, 0
        if page.step_count() > 1:
            return page.step_index(), page.step_count()
        group = siblings(self.refs, page.ref)
        return next(i for i, ref in enumerate(group) if ref.id == page.ref.id), len(group)

    def _update_navigation(self) -> None:
        page = self.current_page
        if self.nav is None or page is None:
            return
        index, count = self.position()
        self.nav.set_position(index, count, page.accent(), self.current_id == HOME)

    def _on_page_steps_changed(self, page: Page) -> None:
        self.step_changed.emit(page.page_id, page.step_index(), page.step_count())

    def _on_swipes_pressed(self, target: QWidget | None) -> None:
        page = self.current_page
        if page is not None:
            page.interrupt(target)

    def _on_stack_page_entered(self, page: QWidget) -> None:
        if isinstance(page, Page):
            page.enter()

    def _on_page_navigate_requested(self, page_id: str) -> None:
        self.go_to(page_id)

    def _on_language_changed(self, lang: str) -> None:
        if self.loaded is not None:
            self.setWindowTitle(self.language.text(self.loaded.content.meta.title))

    # ---- a visitor's accessibility choices -------------------------------------------------

    def open_accessibility(self) -> None:
        from kiosk.ui.overlays.accessibility import AccessibilityPanel  # noqa: PLC0415 (after the first frame)

        if self.accessibility is not None:
            self.accessibility.deleteLater()
        self.accessibility = AccessibilityPanel(self, self.language, self.theme, self.preferences)
        self.accessibility.chosen.connect(self._on_accessibility_chosen)
        self.accessibility.open()

    def _on_accessibility_chosen(self, preferences: Preferences) -> None:
        self.apply_preferences(preferences)
        self.open_accessibility()  # the panel again, in the new size and colours

    def apply_preferences(self, preferences: Preferences) -> None:
        """Larger text, high contrast, reduced motion: every page rebuilt, the place kept."""
        if preferences == self.preferences:
            return
        self.preferences = preferences
        th.use_palette(preferences.high_contrast)
        reduced = self.reduced_motion or preferences.reduced_motion
        self.stack.reduced_motion = reduced
        self.setStyleSheet(f"#main-window {{ background: {th.BACKGROUND}; }}")
        theme = replace(
            self.theme,
            text_scale=preferences.text_scale,
            high_contrast=preferences.high_contrast,
            reduced_motion=reduced,
        )
        self._rebuild(theme)

    def reset_to_home(self, lang: str | None = None) -> None:
        """Back to a new visitor's start: home, the default language, every page (scroll,
        zoom, tour stop, open detail) at its start, and the visitor's own settings undone."""
        if self.loaded is None:
            return
        if self.accessibility is not None:
            self.accessibility.hide()
        self.apply_preferences(Preferences())
        self.language.set(lang or self.loaded.content.meta.default_language)
        for page in self.pages.values():
            page.reset()
        self.go_home()

    # ---- size changes ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        theme = th.Theme.for_size(size.width(), size.height(), self.reduced_motion, self.motion_scale)
        if theme != self.theme and self.loaded is not None:
            self._rebuild(theme)

    def _rebuild(self, theme: th.Theme) -> None:
        """Rebuild every page (new theme or new content), keeping the visitor's page and step
        when it still exists. All in one event-loop turn: nothing blank is ever painted."""
        current, step = self.current_id, (self.current_page.step_index() if self.current_page else 0)
        history = [page_id for page_id in self.history if page_id in self._refs_by_id]
        self.theme = theme
        self.swipes.set_threshold(theme.px(SWIPE_THRESHOLD))
        for widget in [*self.pages.values(), self.error_page]:
            if widget is not None:
                self._retire_later(widget)
        self.pages.clear()
        self.error_page = None
        if self.nav is not None:
            self._layout.removeWidget(self.nav)
            self.nav.deleteLater()
            self.nav = None
        self.current_id = ""
        self._build(current or HOME)  # only the page on screen: home waits for its visit
        rebuilt = self.current_page
        if rebuilt is not None and rebuilt.page_id == current:
            rebuilt.set_step(step)
        self.history = history

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

    # ---- content changes while running ----------------------------------------------------

    def receive_content(self, loaded: LoadedContent) -> None:
        """New content from the live watcher, swapped in over two event-loop turns so that
        neither stalls the screen for long: this one builds the visitor's page for the new
        content out of sight (the old page stays on screen and live); the next one swaps it
        in with the navigation (`set_content`)."""
        self._incoming = loaded
        if self._prebuilt is not None:
            self._retire_later(self._prebuilt)
            self._prebuilt = None
        ref = next((r for r in page_order(loaded.content) if r.id == self.current_id), None)
        if ref is not None and self.loaded is not None:
            clear_icon_caches()
            page = page_class(ref.type)(ref, loaded, self.language, self.theme)
            self.stack.add(page)  # hidden; styled, polished and laid out now, not in the swap
            page.ensurePolished()
            layout = page.layout()
            if layout is not None:
                layout.activate()
            self._prebuilt = page
        QTimer.singleShot(0, self, self._swap_incoming)

    def _swap_incoming(self) -> None:
        loaded, self._incoming = self._incoming, None
        if loaded is not None:
            self.set_content(loaded)

    def set_content(self, loaded: LoadedContent) -> None:
        """Swap in newly validated content without a restart, keeping the visitor's place."""
        self.loaded, self.error = loaded, None
        self.content_problems = None
        self.refs = page_order(loaded.content)
        self._refs_by_id = {ref.id: ref for ref in self.refs}
        meta = loaded.content.meta
        self.language.set_languages(meta.languages, meta.default_language)
        clear_icon_caches()
        self._rebuild(self.theme)
        self.content_replaced.emit()

    def report_content_problems(self, error: ContentError) -> None:
        """A new content file is broken: the visitor keeps the last good content; the problems
        are kept for the admin (and shown in full only while there is no good content)."""
        self.content_problems = error
        if self.loaded is None:
            self.error = error
            self._rebuild(self.theme)

    # ---- keys (development and keyboards; the slideshow has its own map) ------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.step(-1)
        elif key == Qt.Key.Key_Home:
            self.go_home()
        elif key == Qt.Key.Key_Backspace:
            self.go_back()
        else:
            super().keyPressEvent(event)
